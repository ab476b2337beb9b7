namespace Reports.Access;

/// <summary>TEMPORARY STUB.</summary>
public enum CodeRole
{
    County,
    Office,
}
