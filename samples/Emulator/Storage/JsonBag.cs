using System.Text.Json;

namespace ContractFirst.Emulator.Storage;

/// <summary>
/// Builds the free-form objects of a response (<c>type: object</c> without properties, e.g. Miget's <c>quota</c>), which
/// the generated models hold as <see cref="JsonElement"/>s. Null values are left out.
/// </summary>
public sealed class JsonBag
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);

    public JsonBag Add(string name, string? value) => value is null ? this : Add(name, w => w.WriteStringValue(value));

    public JsonBag Add(string name, double? value) => value is null ? this : Add(name, w => w.WriteNumberValue(value.Value));

    public JsonBag Add(string name, bool? value) => value is null ? this : Add(name, w => w.WriteBooleanValue(value.Value));

    public IDictionary<string, JsonElement> ToDictionary() => new Dictionary<string, JsonElement>(_values, StringComparer.Ordinal);

    private JsonBag Add(string name, Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        _values[name] = document.RootElement.Clone();
        return this;
    }
}
