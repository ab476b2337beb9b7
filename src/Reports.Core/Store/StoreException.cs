namespace Reports.Store;

/// <summary>A store this program cannot use as it is (a newer schema, a record changed by hand): one Chinese line naming the file.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
