using Microsoft.Win32.SafeHandles;

namespace ElementFlow.Sources.FileGdb;

/// <summary>
/// Random reads from a file through one buffer window: rows are mostly read in file order, so one read
/// of a megabyte serves thousands of rows instead of two system calls per row.
/// </summary>
internal sealed class WindowedFile : IDisposable
{
    private const int WindowSize = 1 << 20;

    private readonly SafeFileHandle _handle;
    private readonly string _name;
    private byte[] _window = new byte[WindowSize];
    private long _windowStart = -1;
    private int _windowLength;

    public WindowedFile(string path)
    {
        _name = Path.GetFileName(path);
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        Length = RandomAccess.GetLength(_handle);
    }

    public long Length { get; }

    /// <summary>Exactly <paramref name="count"/> bytes at <paramref name="offset"/>; valid until the next read.</summary>
    public ReadOnlySpan<byte> Read(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset > Length - count) throw new FileGdbFormatException($"{_name}: {count} bytes at offset {offset} lie past the end of the file ({Length} bytes)");
        if (_windowStart < 0 || offset < _windowStart || offset + count > _windowStart + _windowLength)
        {
            if (count > _window.Length) _window = new byte[count];
            var length = (int)Math.Min(_window.Length, Length - offset);
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(_handle, _window.AsSpan(read, length - read), offset + read);
                if (n == 0) break;
                read += n;
            }

            if (read < count) throw new FileGdbFormatException($"{_name}: could read only {read} of {count} bytes at offset {offset}");
            _windowStart = offset;
            _windowLength = read;
        }

        return _window.AsSpan((int)(offset - _windowStart), count);
    }

    public void Dispose() => _handle.Dispose();
}
