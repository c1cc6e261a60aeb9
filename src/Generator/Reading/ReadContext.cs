using System;
using System.Collections.Generic;
using System.Threading;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>What went wrong, recoverably, while a document was read: the part at the position was dropped or replaced.</summary>
internal enum ReadIssueKind
{
    /// <summary>A key appears twice in one mapping or object (the last value is used).</summary>
    DuplicateKey,

    /// <summary>Nesting deeper than <see cref="ReadContext.MaxDepth"/>, or a YAML alias that would grow the document past its node budget.</summary>
    LimitExceeded,

    /// <summary>The text is not valid UTF-8 (the decoder put U+FFFD in place of the bad bytes).</summary>
    InvalidText,
}

/// <summary>A recoverable problem found while reading, located in the text (zero-based line and column).</summary>
internal sealed record ReadIssue(ReadIssueKind Kind, TextPosition Position, string Subject, string Detail);

/// <summary>
/// The limits and the shared state of reading one document: the depth limit (checked before anything recursive sees the
/// tree), the node budget (a YAML alias bomb stops at it), cancellation (checked as the reading goes), the recoverable
/// issues found, and the source map when one is being recorded.
/// </summary>
internal sealed class ReadContext
{
    /// <summary>The deepest nesting of objects and arrays that is read; deeper parts are dropped with a diagnostic.</summary>
    public const int DefaultMaxDepth = 128;

    /// <summary>At most this many issues are kept per document; the rest are counted.</summary>
    public const int MaxIssues = 50;

    private readonly CancellationToken _cancellationToken;
    private int _ticks;

    public ReadContext(int textLength, CancellationToken cancellationToken, SourceMap? map = null)
    {
        _cancellationToken = cancellationToken;
        Map = map;

        // Plain JSON or YAML cannot hold more than about one node per two characters: the budget leaves room for
        // aliases and merge keys that repeat parts of the document, but not for a few KB that expand to millions.
        MaxNodes = 100_000L + textLength;
    }

    public int MaxDepth { get; init; } = DefaultMaxDepth;

    public long MaxNodes { get; init; }

    /// <summary>The nodes created so far, copies made for aliases and merge keys included.</summary>
    public long Nodes { get; private set; }

    public SourceMap? Map { get; }

    public List<ReadIssue> Issues { get; } = new();

    /// <summary>Issues beyond <see cref="MaxIssues"/>, not kept.</summary>
    public int DroppedIssues { get; private set; }

    /// <summary>Counts one node and checks for cancellation now and then (every loop that grows with the input calls it).</summary>
    public void Count(long nodes = 1)
    {
        Nodes += nodes;
        Tick();
    }

    public void Tick()
    {
        if ((++_ticks & 0x3FF) == 0) _cancellationToken.ThrowIfCancellationRequested();
    }

    public CancellationToken CancellationToken => _cancellationToken;

    public bool WouldExceedNodes(long more) => Nodes + more > MaxNodes;

    public void Report(ReadIssueKind kind, TextPosition position, string subject, string detail)
    {
        if (Issues.Count >= MaxIssues)
        {
            DroppedIssues++;
            return;
        }

        Issues.Add(new ReadIssue(kind, position, subject, detail));
    }

    /// <summary>Reports the first U+FFFD in the text: the decoder's mark for bytes that are not UTF-8.</summary>
    public void CheckText(string text)
    {
        var index = text.IndexOf('\uFFFD');
        if (index < 0) return;
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        Report(ReadIssueKind.InvalidText, new TextPosition(line, index - lineStart, 1), "U+FFFD", "the file is not valid UTF-8 here; the bytes were read as U+FFFD");
    }
}
