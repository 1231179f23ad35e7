namespace ElementFlow.Core.Text;

/// <summary>The languages of user-facing text.</summary>
public enum Language
{
    Zh,
    En,
}

/// <summary>A text in Chinese and English, side by side so a missing translation shows.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public static readonly LocalizedText Empty = new("", "");

    public string this[Language language] => language == Language.Zh
        ? (Zh.Length > 0 ? Zh : En)
        : (En.Length > 0 ? En : Zh);

    public static LocalizedText Same(string text) => new(text, text);

    public override string ToString() => En;
}
