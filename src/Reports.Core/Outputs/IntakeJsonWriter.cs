using Reports.Versions;

namespace Reports.Outputs;

/// <summary>
/// Writes intake.json: every file seen, its hash, the unit it claims, its status (accepted = the file used for the
/// unit; superseded, duplicate, rejected, ignored), when it was submitted, and its diagnostics.
/// </summary>
public static class IntakeJsonWriter
{
    public static void Write(IReadOnlyList<DecidedVersion> files, Stream stream)
    {
        using var writer = JsonOutput.CreateWriter(stream);
        writer.WriteStartArray();
        foreach (var file in files)
        {
            writer.WriteStartObject();
            writer.WriteString("file", Path.GetFileName(file.File));
            writer.WriteString("sha256", file.Sha256);
            if (file.UnitCode is null)
            {
                writer.WriteNull("unit");
            }
            else
            {
                writer.WriteString("unit", file.UnitCode);
            }
            writer.WriteString("status", file.Status.ToString().ToLowerInvariant());
            if (file.Submission is { } submission)
            {
                // What decided between several files of one unit: the template's stamp, else the file's time.
                writer.WriteString("submittedAt", submission.SubmittedAt.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("submittedBy", submission.Stamp is null ? "fileTime" : "stamp");
            }
            writer.WriteNumber("errors", file.ErrorCount);
            writer.WriteNumber("warnings", file.WarningCount);
            writer.WriteStartArray("diagnostics");
            foreach (var diagnostic in file.Diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("code", diagnostic.Code);
                writer.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
                writer.WriteString("message", diagnostic.Message);
                if (diagnostic.Sheet is not null)
                {
                    writer.WriteString("sheet", diagnostic.Sheet);
                }
                if (diagnostic.Cell is not null)
                {
                    writer.WriteString("cell", diagnostic.Cell);
                }
                if (diagnostic.Field is not null)
                {
                    writer.WriteString("field", diagnostic.Field);
                }
                if (diagnostic.Explanation is not null)
                {
                    // The county's 情况说明, beside the must-explain finding it answers.
                    writer.WriteString("explanation", diagnostic.Explanation);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            JsonOutput.FlushEvery(writer);
        }
        writer.WriteEndArray();
    }
}
