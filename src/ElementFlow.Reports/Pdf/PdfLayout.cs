using SkiaSharp;

namespace ElementFlow.Reports.Pdf;

/// <summary>
/// Lays text out on A4 pages of a Skia PDF document, top to bottom: wrapped paragraphs, rows of cells,
/// headings kept with what follows, a footer with the page number. Pages are written as they fill,
/// so a long report never holds more than one page in memory.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 48;
    public const float ContentWidth = PageWidth - 2 * Margin;
    private const float Bottom = PageHeight - Margin - 14;

    private readonly SKDocument document;
    private readonly SKTypeface typeface;
    private readonly string footer;
    private SKCanvas? canvas;
    private int pageNumber;

    public PdfLayout(SKDocument document, SKTypeface typeface, string footer)
    {
        this.document = document;
        this.typeface = typeface;
        this.footer = footer;
    }

    /// <summary>Where the next line starts, from the top of the page.</summary>
    public float Y { get; private set; }

    public SKCanvas Canvas => canvas ?? NewPage();

    public float Remaining => Bottom - Y;

    public SKCanvas NewPage()
    {
        EndPage();
        canvas = document.BeginPage(PageWidth, PageHeight);
        pageNumber++;
        Y = Margin;
        return canvas;
    }

    /// <summary>Starts a new page unless this much room is left on the current one.</summary>
    public void Need(float height)
    {
        if (canvas is null || Y + height > Bottom) NewPage();
    }

    public void Space(float height) => Y += height;

    public SKFont Font(float size, bool bold = false) => new(typeface, size) { Embolden = bold, Subpixel = true };

    /// <summary>A wrapped paragraph at the left edge plus <paramref name="indent"/>.</summary>
    public void Paragraph(string text, float size, SKColor colour, bool bold = false, float indent = 0, float width = ContentWidth)
    {
        using var font = Font(size, bold);
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        var lineHeight = size * 1.45f;
        foreach (var line in Wrap(text, font, width - indent))
        {
            Need(lineHeight);
            Canvas.DrawText(line, Margin + indent, Y + size, SKTextAlign.Left, font, paint);
            Y += lineHeight;
        }
    }

    /// <summary>A heading that never ends a page alone: it moves to the next page unless <paramref name="keep"/> more fits below.</summary>
    public void Heading(string text, float size, SKColor colour, float keep = 60)
    {
        Need(size * 1.6f + keep);
        Space(size * 0.4f);
        Paragraph(text, size, colour, bold: true);
        Space(size * 0.2f);
    }

    /// <summary>One row of cells side by side, each wrapped in its column; the row moves whole to the next page when it does not fit.</summary>
    public void Row(IReadOnlyList<(string Text, float Width, SKColor Colour, bool Bold)> cells, float size, SKColor? background = null)
    {
        using var font = Font(size);
        using var bold = Font(size, bold: true);
        var lineHeight = size * 1.4f;
        var wrapped = cells.Select(c => Wrap(c.Text, c.Bold ? bold : font, c.Width - 6)).ToList();
        var height = wrapped.Max(w => Math.Max(1, w.Count)) * lineHeight + 4;
        Need(height);
        if (background is { } fill)
        {
            using var back = new SKPaint { Color = fill };
            Canvas.DrawRect(Margin, Y, ContentWidth, height, back);
        }

        var x = Margin;
        for (var i = 0; i < cells.Count; i++)
        {
            using var paint = new SKPaint { Color = cells[i].Colour, IsAntialias = true };
            var y = Y + 2;
            foreach (var line in wrapped[i])
            {
                Canvas.DrawText(line, x + 3, y + size, SKTextAlign.Left, cells[i].Bold ? bold : font, paint);
                y += lineHeight;
            }

            x += cells[i].Width;
        }

        Y += height;
        using var rule = new SKPaint { Color = new SKColor(0xd9, 0xd6, 0xcf), StrokeWidth = 0.5f, IsStroke = true };
        Canvas.DrawLine(Margin, Y, Margin + ContentWidth, Y, rule);
    }

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>: at spaces in Latin text, between any two characters in Chinese.</summary>
    public List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var start = 0;
            var lastBreak = -1;
            var used = 0f;
            var advances = Advances(paragraph, font);
            for (var i = 0; i < paragraph.Length; i++)
            {
                var c = paragraph[i];
                var w = advances[i];
                if (used + w > width && i > start)
                {
                    var end = lastBreak > start ? lastBreak : i;
                    lines.Add(paragraph[start..end].TrimEnd());
                    start = end;
                    while (start < paragraph.Length && paragraph[start] == ' ') start++;
                    used = 0;
                    for (var k = start; k < i; k++) used += advances[k];
                    lastBreak = -1;
                }

                used += w;
                if (c == ' ' || c > 0x2e80) lastBreak = i + 1;
            }

            if (start < paragraph.Length || lines.Count == 0) lines.Add(paragraph[start..]);
        }

        return lines;
    }

    /// <summary>The advance of each UTF-16 unit of the text as this font draws it (the second half of a surrogate pair advances nothing).</summary>
    private static float[] Advances(string text, SKFont font)
    {
        var advances = new float[text.Length];
        var glyphs = font.GetGlyphWidths(text);
        for (int i = 0, g = 0; i < text.Length && g < glyphs.Length; i++)
        {
            if (char.IsLowSurrogate(text[i])) continue;
            advances[i] = glyphs[g++];
        }

        return advances;
    }

    private void EndPage()
    {
        if (canvas is null) return;
        using var font = Font(8);
        using var paint = new SKPaint { Color = new SKColor(0x88, 0x88, 0x88), IsAntialias = true };
        canvas.DrawText($"{footer} — {pageNumber}", PageWidth / 2, PageHeight - Margin / 2, SKTextAlign.Center, font, paint);
        document.EndPage();
        canvas = null;
    }

    public void Dispose() => EndPage();
}
