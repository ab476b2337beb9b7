using System.Text;
using OfficeOpenXml;
using Reports.Intake;
using Reports.Ledger;
using Reports.Outputs.Receipts;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Templates;
using Reports.Tests.Corpus;
using Reports.Tests.Support;

namespace Reports.Tests.Pipeline;

/// <summary>
/// Returns intake reads safely but a general-purpose package library chokes on (strict OOXML, a DTD in the styles
/// part), one linking to a county file server, names that differ only by extension, a 249-byte name: each gets its
/// own receipt drawn from the intake result, and the run (store included) writes every output.
/// </summary>
public sealed class HostileReceiptRunTests : IClassFixture<HostileReceiptRunTests.HostileRun>
{
    public const string StylesDtd = "140403-潞州区-campaign-5plus1-2022-06.xlsx";
    public const string Strict = "140404-上党区-campaign-5plus1-2022-06.xlsx";
    public const string ExternalLink = "140405-屯留区-campaign-5plus1-2022-06.xlsx";
    public const string Server = "fileserver";
    public static readonly string LongName = "140406-潞城区-" + new string('a', 249 - Encoding.UTF8.GetByteCount("140406-潞城区-.xlsx")) + ".xlsx";

    public sealed class HostileRun : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public HostileRun()
        {
            var inbox = _temp.Sub("inbox");
            var scratch = _temp.Sub("scratch");
            var units = new[] { "140403", "140404", "140405", "140406" }.Select(c => Samples.Changzhi.Find(c)!).Append(new RosterUnit("990003", "测试县")).ToArray();
            File.WriteAllBytes(Path.Combine(inbox, StylesDtd), ZipParts.Patch(WithFinding(scratch, units[0]), (name, xml) =>
                name == "xl/styles.xml" ? InsertDoctype(xml, "<!DOCTYPE styleSheet [<!ENTITY e \"x\">]>") : xml));
            File.WriteAllBytes(Path.Combine(inbox, Strict), ZipParts.Patch(WithFinding(scratch, units[1]), (_, xml) => xml
                .Replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main", StringComparison.Ordinal)
                .Replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships", StringComparison.Ordinal)
                .Replace("<workbook ", "<workbook conformance=\"strict\" ", StringComparison.Ordinal)));
            File.WriteAllBytes(Path.Combine(inbox, ExternalLink), WithExternalLink(WithFinding(scratch, units[2])));
            File.WriteAllBytes(Path.Combine(inbox, LongName), WithFinding(scratch, units[3]));
            File.WriteAllBytes(Path.Combine(inbox, "990003.xls"), HostileCorpus.Entries.Single(e => e.FileName == "22-legacy.xls").Make());
            File.Move(Samples.WriteFilled(scratch, units[4], Samples.ValuesOf("140403")), Path.Combine(inbox, "990003.xlsx"));

            Output = _temp.Sub("out");
            var options = Samples.Options(Samples.WriteRoster(_temp.Path, units), inbox, Output) with { StorePath = Path.Combine(_temp.Path, "store.db") };
            Outcome = new RunPipeline(FixedClock.Default).Execute(options);
        }

        public string Output { get; }
        public RunOutcome Outcome { get; }

        public byte[] ReceiptOf(string file) =>
            File.ReadAllBytes(Path.Combine(Output, "receipts", NameOf(file)));

        /// <summary>The receipt's name: the file's and its version's hash, as the run gave it.</summary>
        public string NameOf(string file) =>
            Outcome.Results[0].Receipts.Single(r => Path.GetFileName(r.File) == file).Name;

        public void Dispose() => _temp.Dispose();

        /// <summary>A return of the unit whose cadre_total reads "约500": rejected, the finding located at its cell.</summary>
        private static byte[] WithFinding(string scratch, RosterUnit unit)
        {
            var path = Samples.WriteFilled(scratch, unit, Samples.ValuesOf(unit.Code));
            OpenXmlNameWriter.Fill(path, new Dictionary<string, object> { ["cadre_total"] = "约500" });
            var bytes = File.ReadAllBytes(path);
            File.Delete(path);
            return bytes;
        }

        private static string InsertDoctype(string xml, string doctype)
        {
            var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
            return xml[..declarationEnd] + doctype + xml[declarationEnd..];
        }

        /// <summary>An external workbook link, as Excel writes one when a cell refers to a file on a county server.</summary>
        private static byte[] WithExternalLink(byte[] workbook) => ZipParts.Patch(workbook, (name, xml) => name switch
        {
            "xl/workbook.xml" => xml.Replace("</sheets>", "</sheets><externalReferences><externalReference r:id=\"rIdLink1\"/></externalReferences>", StringComparison.Ordinal),
            "xl/_rels/workbook.xml.rels" => xml.Replace("</Relationships>",
                "<Relationship Id=\"rIdLink1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink\" Target=\"externalLinks/externalLink1.xml\"/></Relationships>", StringComparison.Ordinal),
            "[Content_Types].xml" => xml.Replace("</Types>",
                "<Override PartName=\"/xl/externalLinks/externalLink1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\"/></Types>", StringComparison.Ordinal),
            _ => xml,
        },
        ("xl/externalLinks/externalLink1.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<externalBook r:id=\"rId1\"><sheetNames><sheetName val=\"底表\"/></sheetNames><sheetDataSet><sheetData sheetId=\"0\"><row r=\"1\"><cell r=\"A1\"><v>500</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>"),
        ("xl/externalLinks/_rels/externalLink1.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath\" Target=\"file:///\\\\{Server}\\县统计\\底表.xlsx\" TargetMode=\"External\"/></Relationships>"));
    }

    private readonly HostileRun _run;

    public HostileReceiptRunTests(HostileRun run) => _run = run;

    private Reports.Versions.DecidedVersion Result(string file) => Assert.Single(_run.Outcome.Intake, r => Path.GetFileName(r.File) == file);

    [Fact]
    public void The_run_completes_and_writes_every_output_and_a_receipt_per_file()
    {
        Assert.Equal(ExitCode.Incomplete, _run.Outcome.ExitCode);
        Assert.All(_run.Outcome.OutputFiles, path => Assert.True(File.Exists(path), path));
        foreach (var output in new[] { "summary.json", "intake.json", "汇总表-campaign-5plus1-2022-06.xlsx", "简报-campaign-5plus1-2022-06.pdf" })
        {
            Assert.True(File.Exists(Path.Combine(_run.Output, output)), output);
        }
        var receipts = Directory.GetFiles(Path.Combine(_run.Output, "receipts"));
        Assert.Equal(6, receipts.Length);
        Assert.All(receipts, receipt => Assert.True(WorkbookValidation.Errors(File.ReadAllBytes(receipt)) is { Count: 0 } errors,
            $"{Path.GetFileName(receipt)}: {string.Join("; ", WorkbookValidation.Errors(File.ReadAllBytes(receipt)))}"));
    }

    [Fact]
    public void A_styles_part_with_a_DTD_is_refused_as_unsafe_and_still_gets_a_receipt()
    {
        // Styles are read to tell a date from a count, so their DTD is refused like any other part's.
        var result = Result(StylesDtd);
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Equal("RPT009", Assert.Single(result.Diagnostics, d => d.IsError).Code);
        Assert.StartsWith("退回", Verdict(_run.ReceiptOf(StylesDtd)), StringComparison.Ordinal);
        Assert.Empty(WorkbookValidation.Errors(_run.ReceiptOf(StylesDtd)));
    }

    [Theory]
    [InlineData(Strict)]
    [InlineData(ExternalLink)]
    public void A_return_a_package_library_would_choke_on_gets_its_return_back_marked_in_our_layout(string file)
    {
        var result = Result(file);
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var finding = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(("RPT073", "cadre_total"), (finding.Code, finding.Field));
        Assert.NotNull(finding.Cell);

        using var receipt = new ExcelPackage(new MemoryStream(_run.ReceiptOf(file)));
        var (row, column) = TemplateLayout.Cells(Samples.Campaign)["cadre_total"];
        var cell = receipt.Workbook.Worksheets[ReceiptWriter.ReturnSheet].Cells[row, column];
        Assert.Equal("约500", cell.Value);
        Assert.Contains($"{finding.Sheet}!{finding.Cell}", cell.Comment.Text);
    }

    [Fact]
    public void An_external_link_is_not_carried_into_the_receipt()
    {
        var receipt = _run.ReceiptOf(ExternalLink);
        Assert.DoesNotContain(ZipParts.Read(receipt), part => part.Name.Contains("externalLink", StringComparison.OrdinalIgnoreCase));
        var text = ZipParts.AllText(receipt);
        Assert.DoesNotContain(Server, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\\\", text, StringComparison.Ordinal);
        Assert.DoesNotContain("底表", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_differing_only_by_extension_get_their_own_receipts_with_their_own_verdicts()
    {
        Assert.Equal(IntakeStatus.Rejected, Result("990003.xls").Status);
        Assert.Equal(IntakeStatus.Accepted, Result("990003.xlsx").Status);
        Assert.NotEqual(_run.NameOf("990003.xls"), _run.NameOf("990003.xlsx"));
        Assert.StartsWith("退回", Verdict(_run.ReceiptOf("990003.xls")), StringComparison.Ordinal);
        Assert.StartsWith("已接收", Verdict(_run.ReceiptOf("990003.xlsx")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_249_byte_file_name_gets_a_bounded_receipt_name()
    {
        Assert.Equal(249, Encoding.UTF8.GetByteCount(LongName));
        Assert.Equal(IntakeStatus.Rejected, Result(LongName).Status);
        var name = _run.NameOf(LongName);
        Assert.InRange(Encoding.UTF8.GetByteCount(name), 1, ReceiptNames.MaxBytes);
        Assert.StartsWith("回执-140406-潞城区-aaa", name, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_run.Output, "receipts", name), _run.Outcome.OutputFiles);
        Assert.Empty(WorkbookValidation.Errors(_run.ReceiptOf(LongName)));
    }

    private static string Verdict(byte[] receipt)
    {
        using var package = new ExcelPackage(new MemoryStream(receipt));
        var sheet = package.Workbook.Worksheets[ReceiptWriter.SummarySheet];
        return sheet.Cells[Enumerable.Range(1, 20).Single(r => sheet.Cells[r, 1].Text == "结果"), 2].Text;
    }
}
