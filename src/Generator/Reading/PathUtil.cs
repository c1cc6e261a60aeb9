using System;
using System.Collections.Generic;

namespace ContractFirst.Generator.Reading;

/// <summary>Path arithmetic on '/'-separated, normalized absolute paths (no disk access).</summary>
internal static class PathUtil
{
    public static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        var parts = new List<string>();
        var rooted = p.StartsWith("/", StringComparison.Ordinal);
        foreach (var part in p.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return (rooted ? "/" : "") + string.Join("/", parts);
    }

    public static string Resolve(string fromDocument, string relative)
    {
        var rel = Uri.UnescapeDataString(relative.Replace('\\', '/'));
        if (rel.StartsWith("/", StringComparison.Ordinal) || (rel.Length > 1 && rel[1] == ':')) return Normalize(rel);
        var slash = fromDocument.LastIndexOf('/');
        var directory = slash >= 0 ? fromDocument.Substring(0, slash + 1) : "";
        return Normalize(directory + rel);
    }

    public static string FileName(string path)
    {
        var p = path.Replace('\\', '/');
        return p.Substring(p.LastIndexOf('/') + 1);
    }
}
