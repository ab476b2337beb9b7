using System.Globalization;
using Reports.Pdf;

namespace Reports.Tests.Pdf;

internal static class SampleDocuments
{
    public const string Sentence1 = "全市脱贫劳动力务工总人数104731人，占上年度105.28%。";
    public const string Sentence2 = "其中，省外务工36412人，省内县外务工28890人，县内务工39429人（含公益性岗位安置4215人）。";
    public const string Sentence3 = "各县（市、区）要进一步压实责任，聚焦“两不愁三保障”，持续巩固拓展脱贫攻坚成果。";

    public static readonly string[] TableHeaders = ["序号", "县（市、区）", "务工人数", "占上年度", "备注"];

    public static PdfMetadata Metadata => new("巩固脱贫成果工作简报（第12期）", "市乡村振兴局",
        new DateTimeOffset(2024, 6, 30, 9, 0, 0, TimeSpan.FromHours(8)));

    public static string RowName(int i) => $"样例县{i:00}";

    public static PdfDocumentModel Briefing(int tableRows = 40, int paragraphRepeats = 10)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfMasthead("巩固脱贫成果工作简报", "第12期", "市乡村振兴局编", "2024年6月30日"),
            new PdfHeading("全市脱贫劳动力务工就业情况通报", 1),
            new PdfHeading("一、务工就业", 2),
        };
        for (var i = 0; i < paragraphRepeats; i++)
        {
            blocks.Add(new PdfParagraph(Sentence1 + Sentence2 + Sentence3 + "Latin words like Guangdong Province wrap at spaces."));
        }

        blocks.Add(new PdfHeading("二、分县情况", 2));
        blocks.Add(new PdfParagraph("各县务工情况见下表。", FirstLineIndent: true));
        blocks.Add(Table(tableRows));
        blocks.Add(new PdfHeading("三、下一步工作", 2));
        for (var i = 0; i < paragraphRepeats / 2; i++)
        {
            blocks.Add(new PdfParagraph(Sentence3 + Sentence1));
        }
        blocks.Add(new PdfSpacer(12));
        blocks.Add(new PdfParagraph("报：市委、市政府。\n送：各县（市、区）乡村振兴局。", FirstLineIndent: false, FontSizePt: 10.5f));

        return new PdfDocumentModel(Metadata, blocks);
    }

    public static PdfTable Table(int rows)
    {
        var columns = new[]
        {
            new PdfTableColumn(TableHeaders[0], 0.6f, PdfAlign.Center),
            new PdfTableColumn(TableHeaders[1], 1.6f, PdfAlign.Left),
            new PdfTableColumn(TableHeaders[2], 1.1f, PdfAlign.Right),
            new PdfTableColumn(TableHeaders[3], 1.1f, PdfAlign.Right),
            new PdfTableColumn(TableHeaders[4], 2.2f, PdfAlign.Left),
        };
        var data = new List<IReadOnlyList<string>>();
        for (var i = 1; i <= rows; i++)
        {
            data.Add(new[]
            {
                i.ToString(CultureInfo.InvariantCulture),
                RowName(i),
                (1000 + i * 37).ToString(CultureInfo.InvariantCulture),
                (100 + i * 0.13).ToString("0.00", CultureInfo.InvariantCulture) + "%",
                i % 7 == 0 ? "含公益性岗位安置人员，已按季度核实到户到人" : "",
            });
        }

        data.Add(new[] { "", "合计", "104731", "105.28%", "" });
        return new PdfTable(columns, data, Caption: "表1 各县脱贫劳动力务工情况", BoldLastRows: 1);
    }

    public static byte[] Render(PdfDocumentModel model, PdfPageSettings? page = null)
    {
        using var ms = new MemoryStream();
        PdfRenderer.Render(model, TestFont.MicroHei, page ?? new PdfPageSettings(), ms);
        return ms.ToArray();
    }
}
