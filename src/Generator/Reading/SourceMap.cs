using System;
using System.Collections.Generic;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Reading;

/// <summary>
/// Where each node of a document stands in its text: object members at their key, array items at their first
/// character. Recorded by the readers only when a diagnostic needs a location, then reused for every later one.
/// </summary>
internal sealed class SourceMap
{
    private readonly List<Entry> _entries = new();

    private struct Entry
    {
        public string? Key;
        public int Line;
        public int Column;
        public int Length;
        public int FirstChild;
        public int LastChild;
        public int NextSibling;
        public int ChildCount;
    }

    /// <summary>Records a node under <paramref name="parent"/> (-1 for the root); returns its index, the parent of its children.</summary>
    public int Add(int parent, string? key, TextPosition position)
    {
        var index = _entries.Count;
        _entries.Add(new Entry { Key = key, Line = position.Line, Column = position.Column, Length = Math.Max(1, position.Length), FirstChild = -1, LastChild = -1, NextSibling = -1 });
        if (parent >= 0)
        {
            var p = _entries[parent];
            if (p.LastChild >= 0)
            {
                var last = _entries[p.LastChild];
                last.NextSibling = index;
                _entries[p.LastChild] = last;
            }
            else
            {
                p.FirstChild = index;
            }

            p.LastChild = index;
            p.ChildCount++;
            _entries[parent] = p;
        }

        return index;
    }

    /// <summary>
    /// The position of the node at the pointer's segments; where the pointer goes further than the document (or into a
    /// part that was not read), the deepest node that exists. Array items are found by index, members by key (the last
    /// one when a key is repeated, as its value is the one used).
    /// </summary>
    public TextPosition Locate(IReadOnlyList<string> segments)
    {
        if (_entries.Count == 0) return TextPosition.Start;
        var current = 0;
        foreach (var segment in segments)
        {
            var found = -1;
            var i = 0;
            for (var child = _entries[current].FirstChild; child >= 0; child = _entries[child].NextSibling, i++)
            {
                var entry = _entries[child];
                if (entry.Key is null ? int.TryParse(segment, out var n) && n == i : entry.Key == segment) found = child;
                if (entry.Key is null && found >= 0) break;
            }

            if (found < 0) break;
            current = found;
        }

        var e = _entries[current];
        return new TextPosition(e.Line, e.Column, e.Length);
    }
}
