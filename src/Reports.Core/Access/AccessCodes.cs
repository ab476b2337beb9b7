using System.Collections.Concurrent;

namespace Reports.Access;

/// <summary>TEMPORARY STUB of issue-desk-codes' service (dropped when that branch is merged): codes in memory, or in a plain file beside the store.</summary>
public sealed class AccessCodes
{
    private readonly ConcurrentDictionary<string, CodeHolder> _codes = new(StringComparer.Ordinal);
    private readonly string? _file;

    public AccessCodes(string? file = null)
    {
        _file = file;
    }

    public CodeHolder? Verify(string code)
    {
        if (_file is not null && File.Exists(_file))
        {
            foreach (var line in File.ReadAllLines(_file))
            {
                var parts = line.Split('\t');
                if (parts.Length == 4 && parts[0] == code)
                {
                    return new CodeHolder(parts[1], parts[2], Enum.Parse<CodeRole>(parts[3]));
                }
            }
        }
        return _codes.GetValueOrDefault(code);
    }

    public string Issue(string unit, string name, CodeRole role)
    {
        Revoke(unit);
        var code = "STUB" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();
        _codes[code] = new CodeHolder(unit, name, role);
        return code;
    }

    public void Revoke(string unit)
    {
        foreach (var pair in _codes.Where(p => p.Value.Unit == unit).ToList())
        {
            _codes.TryRemove(pair.Key, out _);
        }
    }
}
