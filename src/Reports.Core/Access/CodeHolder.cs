namespace Reports.Access;

/// <summary>TEMPORARY STUB: who a code belongs to.</summary>
public sealed record CodeHolder(string Unit, string Name, CodeRole Role);
