using System.Collections.Concurrent;

namespace Reports.Access;

/// <summary>TEMPORARY STUB of the audit table: rows in memory.</summary>
public sealed class DeskAudit
{
    private readonly ConcurrentQueue<(string Kind, string? Unit, string? Address, string Detail)> _rows = new();

    public void Record(string kind, string? unit, string? address, string detail) => _rows.Enqueue((kind, unit, address, detail));

    public IReadOnlyList<(string Kind, string? Unit, string? Address, string Detail)> Rows => [.. _rows];
}
