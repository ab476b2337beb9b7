using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Reports.Intake;

namespace Reports.Store;

/// <summary>
/// The fields one version holds, in field-code order: shared by every version of a period that holds the same fields
/// (read from the same template, nearly all of them), so a province's hundred thousand versions keep one index of field
/// codes between them, not one dictionary each.
/// </summary>
internal sealed class FieldLayout
{
    private readonly Dictionary<string, int> _index;

    public FieldLayout(string[] codes)
    {
        Codes = codes;
        _index = new Dictionary<string, int>(codes.Length, StringComparer.Ordinal);
        for (var i = 0; i < codes.Length; i++)
        {
            _index[codes[i]] = i;
        }
    }

    public string[] Codes { get; }

    public bool TryFind(string code, out int index) => _index.TryGetValue(code, out index);
}

/// <summary>
/// A version's figures by field code as the store gives them back: an array over a shared <see cref="FieldLayout"/>
/// (a sixth of a dictionary's size); read like any dictionary, enumerated in field-code order as the store keeps them.
/// </summary>
internal sealed class FieldTable<T>(FieldLayout layout, T[] values) : IReadOnlyDictionary<string, T>
{
    public T this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"字段 {key} 不在此版本中");

    public IEnumerable<string> Keys => layout.Codes;

    public IEnumerable<T> Values => values;

    public int Count => values.Length;

    public bool ContainsKey(string key) => layout.TryFind(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        if (layout.TryFind(key, out var index))
        {
            value = values[index];
            return true;
        }
        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++)
        {
            yield return KeyValuePair.Create(layout.Codes[i], values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Where a version's fields were read: the sheet and cell of each field are the template's, shared by every version of
/// the same layout; only what the clerk typed is the version's own. Each <see cref="FieldReading"/> is made when asked for.
/// </summary>
internal sealed class CellLayout(FieldLayout fields, string[] sheets, string[] cells)
{
    public FieldLayout Fields { get; } = fields;

    public FieldReading At(int index, string? typed) => new(sheets[index], cells[index], typed);
}

/// <summary>A version's cells by field code over a shared <see cref="CellLayout"/>: only the typed texts are its own.</summary>
internal sealed class CellTable(CellLayout layout, string?[] typed) : IReadOnlyDictionary<string, FieldReading>
{
    public FieldReading this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"字段 {key} 不在此版本中");

    public IEnumerable<string> Keys => layout.Fields.Codes;

    public IEnumerable<FieldReading> Values => this.Select(p => p.Value);

    public int Count => typed.Length;

    public bool ContainsKey(string key) => layout.Fields.TryFind(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FieldReading value)
    {
        if (layout.Fields.TryFind(key, out var index))
        {
            value = layout.At(index, typed[index]);
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, FieldReading>> GetEnumerator()
    {
        for (var i = 0; i < typed.Length; i++)
        {
            yield return KeyValuePair.Create(layout.Fields.Codes[i], layout.At(i, typed[i]));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
