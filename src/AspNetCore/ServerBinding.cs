// The members here are called by generated code only (their types are [EditorBrowsable(Never)]); each group is
// documented where it is declared, not each overload.
#pragma warning disable CS1591

using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using ContractFirst.Json;
using ContractFirst.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace ContractFirst.AspNetCore
{
    /// <summary>
    /// Named text values (and files) that a generated binder reads the properties of a model from: the fields of a form
    /// or multipart body, or the keys of an object query parameter (<c>deepObject</c>, <c>form</c> exploded or not).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract class ServerFields
    {
        /// <summary>The values given for the property <paramref name="name"/> (wire name); empty when it is absent.</summary>
        public abstract StringValues Get(string name);

        /// <summary>The files of a multipart body named <paramref name="name"/>; none for other sources.</summary>
        public virtual IReadOnlyList<IFormFile> Files(string name) => Array.Empty<IFormFile>();
    }

    /// <summary>The fields and files of a form (urlencoded or multipart) body.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ServerFormFields : ServerFields
    {
        private readonly IFormCollection _form;

        public ServerFormFields(IFormCollection form) => _form = form;

        public override StringValues Get(string name) =>
            _form.TryGetValue(name, out var value) ? value : StringValues.Empty;

        public override IReadOnlyList<IFormFile> Files(string name) => _form.Files.GetFiles(name);
    }

    /// <summary>An object query parameter: <c>name[property]</c> keys (<c>deepObject</c>) or one key per property (<c>form</c>, exploded).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ServerQueryFields : ServerFields
    {
        private readonly IQueryCollection _query;
        private readonly string? _deepObject;

        public ServerQueryFields(IQueryCollection query, string? deepObject)
        {
            _query = query;
            _deepObject = deepObject;
        }

        public override StringValues Get(string name) =>
            _query.TryGetValue(_deepObject is null ? name : _deepObject + "[" + name + "]", out var value) ? value : StringValues.Empty;
    }

    /// <summary>An object query parameter in <c>form</c> style, not exploded: <c>name=k1,v1,k2,v2</c>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ServerPairFields : ServerFields
    {
        private readonly Dictionary<string, StringValues> _pairs = new(StringComparer.Ordinal);

        /// <param name="entries">The pairs, as <see cref="ServerForms.PairEntries"/> read them.</param>
        public ServerPairFields(List<KeyValuePair<string, string>> entries)
        {
            foreach (var entry in entries)
            {
                _pairs[entry.Key] = _pairs.TryGetValue(entry.Key, out var existing)
                    ? StringValues.Concat(existing, entry.Value)
                    : new StringValues(entry.Value);
            }
        }

        public override StringValues Get(string name) =>
            _pairs.TryGetValue(name, out var value) ? value : StringValues.Empty;
    }

    /// <summary>Helpers of the typed binders.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ServerForms
    {
        /// <summary>
        /// The form reader's limits: no part, value or file beyond the body limit (the server's own body limit is lowered
        /// to it as well). Files above 64 KiB are buffered by ASP.NET Core in temporary files, as usual.
        /// </summary>
        public static FormOptions Options(long limit) => new()
        {
            BufferBody = false,
            MultipartBodyLengthLimit = limit,
            ValueLengthLimit = (int)Math.Clamp(limit, 0, int.MaxValue),
        };

        /// <summary>
        /// A <c>label</c> (<c>.a</c>, <c>.a,b</c>, <c>.a.b</c>) or <c>matrix</c> (<c>;id=a</c>, <c>;id=a,b</c>,
        /// <c>;id=a;id=b</c>) path value without its prefix; split at <paramref name="explodeSeparator"/> when it is given.
        /// False when the prefix is missing.
        /// </summary>
        public static bool PathStyle(ref StringValues raw, string prefix, string? explodeSeparator)
        {
            if (raw.Count != 1) return true;
            var text = raw[0] ?? "";
            if (!text.StartsWith(prefix, StringComparison.Ordinal))
            {
                // An empty matrix value may come without '=' (";id").
                if (prefix.Length > 1 && prefix[prefix.Length - 1] == '=' && text == prefix.Substring(0, prefix.Length - 1))
                {
                    raw = new StringValues("");
                    return true;
                }

                return false;
            }

            text = text.Substring(prefix.Length);
            raw = explodeSeparator is null
                ? new StringValues(text)
                : new StringValues(text.Length == 0 ? Array.Empty<string>() : text.Split(new[] { explodeSeparator }, StringSplitOptions.None));
            return true;
        }

        /// <summary>True when any key of the query is one of <paramref name="names"/> (an exploded <c>form</c> object is present).</summary>
        public static bool AnyKey(IQueryCollection query, string[] names)
        {
            foreach (var name in names)
            {
                if (query.ContainsKey(name)) return true;
            }

            return false;
        }

        /// <summary>True when any key of the query is <c>name[…]</c> (a <c>deepObject</c> is present).</summary>
        public static bool AnyDeepKey(IQueryCollection query, string name)
        {
            foreach (var key in query.Keys)
            {
                if (key.Length > name.Length + 1 && key.StartsWith(name, StringComparison.Ordinal) && key[name.Length] == '[' && key[key.Length - 1] == ']') return true;
            }

            return false;
        }

        /// <summary>The entries of a <c>deepObject</c> map: every <c>name[key]=value</c> of the query, in order.</summary>
        public static List<KeyValuePair<string, string>> DeepEntries(IQueryCollection query, string name)
        {
            var entries = new List<KeyValuePair<string, string>>();
            foreach (var pair in query)
            {
                var key = pair.Key;
                if (key.Length > name.Length + 1 && key.StartsWith(name, StringComparison.Ordinal) && key[name.Length] == '[' && key[key.Length - 1] == ']')
                {
                    foreach (var value in pair.Value) entries.Add(new(key.Substring(name.Length + 1, key.Length - name.Length - 2), value ?? ""));
                }
            }

            return entries;
        }

        /// <summary>The entries of an exploded <c>form</c> map: every key of the query that is not one of <paramref name="others"/> (nor <c>other[…]</c>).</summary>
        public static List<KeyValuePair<string, string>> OtherEntries(IQueryCollection query, string[] others)
        {
            var entries = new List<KeyValuePair<string, string>>();
            foreach (var pair in query)
            {
                var bracket = pair.Key.IndexOf('[');
                if (Array.IndexOf(others, bracket > 0 ? pair.Key.Substring(0, bracket) : pair.Key) >= 0) continue;
                foreach (var value in pair.Value) entries.Add(new(pair.Key, value ?? ""));
            }

            return entries;
        }

        /// <summary>The entries of a <c>form</c> map that is not exploded (<c>k1,v1,k2,v2</c>); null when the text is not pairs.</summary>
        public static List<KeyValuePair<string, string>>? PairEntries(string text)
        {
            var entries = new List<KeyValuePair<string, string>>();
            if (text.Length == 0) return entries;
            var parts = text.Split(',');
            if (parts.Length % 2 != 0) return null;
            for (var i = 0; i < parts.Length; i += 2) entries.Add(new(parts[i], parts[i + 1]));
            return entries;
        }

        /// <summary>A field whose text is JSON (an object in a form body): a bad value is an error naming the field inside it.</summary>
        public static bool TryJson<T>(string text, JsonTypeInfo<T> typeInfo, ValidationContext context, string field, out T value)
        {
            try
            {
                value = JsonSerializer.Deserialize(text, typeInfo)!;
                if (value is not null) return true;
                context.Add(field, "type", "must not be null");
                return false;
            }
            catch (JsonFieldException ex)
            {
                context.Add(string.IsNullOrEmpty(ex.Field) ? field : ex.Field!.StartsWith("[", StringComparison.Ordinal) ? field + ex.Field : field + "." + ex.Field, "type", ex.Reason);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
            {
                context.Add(field, "json", "must be JSON of the declared schema");
            }

            value = default!;
            return false;
        }

        /// <summary>A form field or file whose name the schema does not have, where <c>additionalProperties</c> is false.</summary>
        public static void Unknown(IFormCollection form, string[] known, ValidationContext context)
        {
            foreach (var key in form.Keys)
            {
                if (Array.IndexOf(known, key) < 0) context.Add(key, "additionalProperties", "is not a property of the schema");
            }

            foreach (var file in form.Files)
            {
                if (Array.IndexOf(known, file.Name) < 0 && !form.ContainsKey(file.Name)) context.Add(file.Name, "additionalProperties", "is not a property of the schema");
            }
        }

        /// <summary>True when the field was sent (as text or as a file), valid or not.</summary>
        public static bool Present(ServerFields fields, string name) => fields.Get(name).Count > 0 || fields.Files(name).Count > 0;

        /// <summary>A binary field: the file's content, else the field's text (a part sent without a file name).</summary>
        public static Stream? Stream(ServerFields fields, string name, out int count)
        {
            var files = fields.Files(name);
            if (files.Count > 0)
            {
                count = files.Count;
                return files[0].OpenReadStream();
            }

            var text = fields.Get(name);
            count = text.Count;
            return text.Count == 0 ? null : new MemoryStream(Encoding.UTF8.GetBytes(text[0] ?? ""), writable: false);
        }

        /// <summary>Every file named <paramref name="name"/> as a stream.</summary>
        public static List<Stream>? Streams(ServerFields fields, string name)
        {
            var files = fields.Files(name);
            if (files.Count == 0) return null;
            var list = new List<Stream>(files.Count);
            foreach (var file in files) list.Add(file.OpenReadStream());
            return list;
        }

        /// <summary>A <c>format: byte</c> field: the file's bytes in a multipart body, else the field's base64 text.</summary>
        public static bool TryBytes(ServerFields fields, string name, out byte[]? value, out bool present)
        {
            var files = fields.Files(name);
            if (files.Count > 0)
            {
                present = true;
                using var stream = files[0].OpenReadStream();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                value = copy.ToArray();
                return files.Count == 1;
            }

            var text = fields.Get(name);
            present = text.Count > 0;
            value = null;
            if (text.Count != 1) return text.Count == 0;
            if (!ServerRuntime.TryParse(text[0] ?? "", out byte[] bytes)) return false;
            value = bytes;
            return true;
        }

        /// <summary>
        /// Adds the binding errors of a model, then the errors of its generated <c>Validate</c>, leaving out what
        /// Validate says of a field that could not be bound (its value is missing, so its checks mean nothing).
        /// </summary>
        public static void Validate(ValidationContext context, ValidationContext binding, IValidatable value, string path)
        {
            foreach (var error in binding.Errors) context.Add(error.Field, error.Keyword, error.Message);
            var checks = new ValidationContext();
            value.Validate(checks, path);
            foreach (var error in checks.Errors)
            {
                var bound = true;
                foreach (var failed in binding.Errors)
                {
                    if (Related(error.Field, failed.Field) || Related(failed.Field, error.Field))
                    {
                        bound = false;
                        break;
                    }
                }

                if (bound) context.Add(error.Field, error.Keyword, error.Message);
            }
        }

        // The same field, or one inside the other (tags and tags[1], filter and filter.size).
        private static bool Related(string field, string other) =>
            field.Length > 0 && other.Length > 0 && field.StartsWith(other, StringComparison.Ordinal)
            && (field.Length == other.Length || field[other.Length] is '.' or '[');
    }
}
