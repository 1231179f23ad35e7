namespace ElementFlow.Core.Units;

/// <summary>What a unit measures; quantities of different dimensions never compare.</summary>
public enum Dimension
{
    Area,
    Fraction,
    Population,
    AreaPerPerson,
    Volume,
    Money,
    Mass,
}

/// <summary>A unit accepted in plan packages (DESIGN §2), with its factor to the base unit of its dimension.</summary>
/// <param name="Key">The unit as written in YAML.</param>
/// <param name="Dimension">What it measures.</param>
/// <param name="ToBase">Multiply by this to get m² (area), a 0–1 fraction, persons, m²/person or 10⁸ m³.</param>
public sealed record Unit(string Key, Dimension Dimension, double ToBase)
{
    public static readonly Unit SquareMetre = new("m2", Dimension.Area, 1);
    public static readonly Unit Hectare = new("ha", Dimension.Area, 10_000);
    public static readonly Unit SquareKilometre = new("km2", Dimension.Area, 1_000_000);

    /// <summary>1 mu = 2000/3 m² exactly (the legal definition).</summary>
    public static readonly Unit Mu = new("mu", Dimension.Area, 2000.0 / 3.0);

    /// <summary>10k mu (万亩) = 20 000 000 / 3 m².</summary>
    public static readonly Unit TenThousandMu = new("10k_mu", Dimension.Area, 20_000_000.0 / 3.0);

    public static readonly Unit Percent = new("%", Dimension.Fraction, 0.01);
    public static readonly Unit Persons = new("persons", Dimension.Population, 1);
    public static readonly Unit TenThousandPersons = new("10k_persons", Dimension.Population, 10_000);
    public static readonly Unit SquareMetresPerPerson = new("m2_per_person", Dimension.AreaPerPerson, 1);
    public static readonly Unit HundredMillionCubicMetres = new("100m_m3", Dimension.Volume, 1);

    /// <summary>10k yuan (万元), the unit of compensation payments between regions.</summary>
    public static readonly Unit TenThousandYuan = new("10k_yuan", Dimension.Money, 1);

    /// <summary>Kilograms, the unit of standard grain capacity (产能) in quota ledgers.</summary>
    public static readonly Unit Kilogram = new("kg", Dimension.Mass, 1);

    public static IReadOnlyList<Unit> All { get; } =
    [
        SquareMetre, Hectare, SquareKilometre, Mu, TenThousandMu, Percent,
        Persons, TenThousandPersons, SquareMetresPerPerson, HundredMillionCubicMetres, TenThousandYuan, Kilogram,
    ];

    /// <summary>The Chinese forms a plan may write instead of the key (万亩 for 10k_mu), by key.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ChineseForms { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["m2"] = ["平方米", "㎡", "m²"],
        ["ha"] = ["公顷"],
        ["km2"] = ["平方公里", "平方千米", "km²"],
        ["mu"] = ["亩"],
        ["10k_mu"] = ["万亩"],
        ["%"] = ["％", "百分比"],
        ["persons"] = ["人"],
        ["10k_persons"] = ["万人"],
        ["m2_per_person"] = ["平方米/人", "㎡/人", "m²/人"],
        ["100m_m3"] = ["亿立方米", "亿m³", "亿m3"],
        ["10k_yuan"] = ["万元"],
        ["kg"] = ["千克", "公斤"],
    };

    private static readonly Dictionary<string, Unit> ByName = All
        .SelectMany(u => ChineseForms.GetValueOrDefault(u.Key, []).Prepend(u.Key).Select(name => (name, u)))
        .ToDictionary(x => x.name, x => x.u, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name a plan may write for a unit: the keys and their Chinese forms.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The unit a plan names by its key (<c>10k_mu</c>) or Chinese form (<c>万亩</c>), or null.</summary>
    public static Unit? Find(string? key) =>
        key is null ? null : ByName.GetValueOrDefault(key.Trim().Replace('／', '/'));

    public override string ToString() => Key;
}

/// <summary>A value with its unit, as declared in a plan.</summary>
public readonly record struct Quantity(double Value, Unit Unit)
{
    /// <summary>The value in the base unit of its dimension (m² for areas).</summary>
    public double InBase => Value * Unit.ToBase;

    /// <summary>The value in another unit of the same dimension.</summary>
    public double In(Unit unit) => unit.Dimension == Unit.Dimension
        ? InBase / unit.ToBase
        : throw new InvalidOperationException($"Cannot convert {Unit.Key} to {unit.Key}.");

    /// <summary>The value as comparisons use it: hectares for areas, the base unit otherwise.</summary>
    public double Canonical => Unit.Dimension == Dimension.Area ? In(Unit.Hectare) : InBase;

    public override string ToString() => FormattableString.Invariant($"{Value} {Unit.Key}");
}
