namespace Reports.Definitions;

/// <summary>A period of a frequency the return is not collected at (a weekly period of a monthly return): nothing is done.</summary>
public sealed class FrequencyRefusedException(string message) : Exception(message);
