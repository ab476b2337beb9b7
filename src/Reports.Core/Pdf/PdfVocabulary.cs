namespace Reports.Pdf;

/// <summary>
/// The words of a document a line never breaks inside if it can help it: <see cref="Terms"/> (the return's field,
/// indicator and task names, the units' names) and <see cref="Units"/> of measure, which a figure keeps ("2.58亿元",
/// "7.4个百分点"). Chinese has no spaces to show where a word ends; these are the words a typesetter would not split.
/// </summary>
public sealed record PdfVocabulary(IReadOnlyCollection<string> Terms, IReadOnlyCollection<string> Units)
{
    public static readonly PdfVocabulary Empty = new([], []);
}
