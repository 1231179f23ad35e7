namespace ElementFlow.Sources.FileGdb;

/// <summary>A table file that does not follow the File Geodatabase format: truncated, inconsistent or of an unknown version.</summary>
/// <remarks>The message names the table file and what was wrong, so a caller can report the layer as unreadable.</remarks>
public sealed class FileGdbFormatException(string message) : Exception(message);
