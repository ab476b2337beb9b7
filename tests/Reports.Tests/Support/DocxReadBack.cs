using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Reports.Tests.Support;

/// <summary>
/// A briefing draft (.docx) read back: its paragraphs in document order (table cells' too) with their style names, the
/// schema validator's complaints, and the draft as LibreOffice renders it (a PDF, for its text and pages).
/// </summary>
public sealed class DocxReadBack
{
    private DocxReadBack(IReadOnlyList<(string Style, string Text)> paragraphs, IReadOnlyList<string> errors)
    {
        Paragraphs = paragraphs;
        Errors = errors;
    }

    /// <summary>Every paragraph's style name (正文, 一级标题 …; "" without one) and text, in order.</summary>
    public IReadOnlyList<(string Style, string Text)> Paragraphs { get; }

    /// <summary>The text of the whole draft, paragraphs joined without separators (as <see cref="PdfText.Squash"/> reads a PDF).</summary>
    public string Text => string.Concat(Paragraphs.Select(p => p.Text));

    /// <summary>What the Open XML SDK's validator (Office 2019 rules) finds wrong.</summary>
    public IReadOnlyList<string> Errors { get; }

    public static DocxReadBack Read(string path) => Read(File.ReadAllBytes(path));

    public static DocxReadBack Read(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var main = document.MainDocumentPart!;
        var names = main.StyleDefinitionsPart?.Styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .ToDictionary(s => s.StyleId!.Value!, s => s.StyleName?.Val?.Value ?? "") ?? [];
        var paragraphs = main.Document!.Body!.Descendants<Paragraph>()
            .Select(p => (names.GetValueOrDefault(p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "", ""),
                string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", TabChar => "\t", _ => "" }))))
            .ToList();
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        return new DocxReadBack(paragraphs, errors);
    }

    /// <summary>The draft converted by LibreOffice headless (<c>soffice --headless --convert-to pdf</c>, with a profile of its own in <paramref name="folder"/>).</summary>
    public static byte[] ThroughLibreOffice(string docx, string folder)
    {
        var start = new ProcessStartInfo(LibreOfficeWriterFactAttribute.Soffice!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["FONTCONFIG_FILE"] = ProjectFonts.ConfigFile(Path.Combine(folder, "lo-fonts")) },
        };
        foreach (var argument in new[] { "--headless", $"-env:UserInstallation=file://{Path.Combine(folder, "lo-profile")}", "--convert-to", "pdf", "--outdir", folder, docx })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("LibreOffice did not convert the draft in 5 minutes");
        }
        var pdf = Path.Combine(folder, Path.GetFileNameWithoutExtension(docx) + ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice could not convert the draft: {stdout.Result} {stderr.Result}");
        return File.ReadAllBytes(pdf);
    }
}

/// <summary>
/// A fact that opens a Word document in LibreOffice: skipped, saying why, where soffice is not installed or has no
/// Writer (Debian's libreoffice-calc alone cannot load a .docx: "source file could not be loaded").
/// </summary>
public sealed class LibreOfficeWriterFactAttribute : FactAttribute
{
    public static string? Soffice { get; } = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice" }.FirstOrDefault(File.Exists);

    public LibreOfficeWriterFactAttribute()
    {
        if (Soffice is null)
        {
            Skip = "LibreOffice (soffice) is not installed: the draft is not converted";
        }
        else if (!File.Exists(Path.Combine(Path.GetDirectoryName(new FileInfo(Soffice).ResolveLinkTarget(true)?.FullName ?? Soffice)!, "libswlo.so"))
                 && !File.Exists("/usr/lib/libreoffice/program/libswlo.so"))
        {
            Skip = "LibreOffice has no Writer (libreoffice-writer): it cannot open the draft";
        }
    }
}
