using System.Buffers.Binary;
using System.Text;

namespace ElementFlow.IO.Layers;

/// <summary>
/// The encoding of a .dbf without a .cpg: the dBase language-driver byte (header byte 29) when it names a
/// code page, else a guess from the text itself: strict UTF-8 when every byte sequence is valid UTF-8,
/// else GBK (Chinese Windows' ANSI code page, what ArcGIS and older tools write).
/// </summary>
public static class DbfEncoding
{
    /// <summary>Language-driver ids of the code pages plan data is written in (dBase/Esri table).</summary>
    private static readonly Dictionary<byte, int> LanguageDrivers = new()
    {
        [0x4D] = 936, // Chinese GBK (PRC), as ArcGIS writes it
        [0x7A] = 936, // Chinese GBK (PRC), Visual FoxPro
        [0x4F] = 950, // Chinese Big5 (Taiwan)
        [0x78] = 950, // Chinese Big5, Visual FoxPro
        [0x03] = 1252, // Windows ANSI (Latin)
    };

    /// <summary>How the encoding was chosen, for the report.</summary>
    public enum Source
    {
        /// <summary>The text is plain ASCII: every encoding reads it the same.</summary>
        Ascii,
        LanguageDriver,
        GuessedUtf8,
        GuessedGbk,
    }

    /// <summary>The encoding to read a .dbf with, how it was chosen, and its language-driver byte.</summary>
    public static (Encoding Encoding, Source Source, byte LanguageDriver) Detect(string dbfPath, int sampleBytes = 1 << 20)
    {
        using var file = File.OpenRead(dbfPath);
        var header = new byte[32];
        if (file.Read(header) < 32) return (Encoding.UTF8, Source.Ascii, 0);
        var ldid = header[29];
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        if (LanguageDrivers.TryGetValue(ldid, out var codePage)) return (Encoding.GetEncoding(codePage), Source.LanguageDriver, ldid);

        var sample = new byte[(int)Math.Max(0, Math.Min(sampleBytes, file.Length - headerLength))];
        file.Position = Math.Min(headerLength, file.Length);
        var read = file.Read(sample);
        var text = sample.AsSpan(0, read);
        if (!text.ContainsAnyExceptInRange((byte)0, (byte)0x7F)) return (Encoding.UTF8, Source.Ascii, ldid);
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            // The sample may end inside a character: drop up to three trailing bytes of an incomplete sequence.
            strictUtf8.GetCharCount(TrimIncomplete(text));
            return (Encoding.UTF8, Source.GuessedUtf8, ldid);
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(936), Source.GuessedGbk, ldid);
        }
    }

    private static ReadOnlySpan<byte> TrimIncomplete(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue; // a continuation byte: look further back
            if ((b & 0x80) == 0) return bytes;
            var needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
            return needed > back ? bytes[..^back] : bytes;
        }

        return bytes;
    }
}
