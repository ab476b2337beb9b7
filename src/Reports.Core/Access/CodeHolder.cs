namespace Reports.Access;

/// <summary>Who a verified code belongs to: the unit's code ("office" for the office), its name, and its role.</summary>
public sealed record CodeHolder(string Unit, string Name, CodeRole Role);
