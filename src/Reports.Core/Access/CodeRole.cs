namespace Reports.Access;

/// <summary>What a code lets its holder do at the desk: a county hands in its own unit's returns; the office watches every unit.</summary>
public enum CodeRole
{
    County,
    Office,
}
