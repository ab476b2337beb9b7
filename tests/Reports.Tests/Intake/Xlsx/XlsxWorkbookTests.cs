using System.Diagnostics;
using Reports.Intake.Xlsx;
using Xunit.Abstractions;

namespace Reports.Tests.Intake.Xlsx;

public class XlsxWorkbookTests
{
    private static XlsxWorkbook OpenOk(byte[] bytes, XlsxLimits? limits = null)
    {
        var wb = XlsxWorkbook.Open(new MemoryStream(bytes), limits, out var problem);
        Assert.Null(problem);
        Assert.NotNull(wb);
        return wb;
    }

    private static XlsxCellValue ReadName(XlsxWorkbook wb, string name)
    {
        var dn = wb.FindName(name) ?? throw new Xunit.Sdk.XunitException($"no name {name}");
        Assert.True(dn.IsSingleCell, $"{name} -> {dn.Reference} is not a single cell");
        var v = wb.ReadCell(dn.Sheet!, dn.Cell!, out var problem);
        Assert.Null(problem);
        return v!;
    }

    // ------------------------------------------------------------------ EPPlus workbooks

    [Fact]
    public void Epplus_sheet_names_and_defined_names()
    {
        using var wb = OpenOk(XlsxTestFiles.EpplusWorkbook());
        Assert.Equal(["Sheet1", XlsxTestFiles.ChineseSheet], wb.SheetNames);

        var emp = wb.DefinedNames["emp_total"];
        Assert.Equal("Sheet1", emp.Sheet);
        Assert.Equal("C5", emp.Cell);
        Assert.Null(emp.LocalSheetId);
        Assert.Same(emp, wb.DefinedNames["EMP_TOTAL"]); // case-insensitive

        var cn = wb.DefinedNames["cn_value"];
        Assert.Equal(XlsxTestFiles.ChineseSheet, cn.Sheet);
        Assert.Equal("C5", cn.Cell);
        Assert.StartsWith("'潞州区 (2)'!", cn.Reference);

        var range = wb.DefinedNames["a_range"];
        Assert.Null(range.Sheet);
        Assert.Null(range.Cell);

        var local = Assert.Single(wb.LocalDefinedNames, n => n.Name == "local_total");
        Assert.Equal(1, local.LocalSheetId);
        Assert.Equal(XlsxTestFiles.ChineseSheet, local.Sheet);
        Assert.False(wb.DefinedNames.ContainsKey("local_total"));
        Assert.Same(local, wb.FindName("local_total", XlsxTestFiles.ChineseSheet));
        Assert.Null(wb.FindName("local_total", "Sheet1"));
    }

    [Fact]
    public void Epplus_values_numbers_strings_booleans()
    {
        using var wb = OpenOk(XlsxTestFiles.EpplusWorkbook());

        Assert.Equal(new XlsxCellValue(XlsxCellKind.Number, "1234", null), ReadName(wb, "emp_total"));
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Number, "0.1", null), ReadName(wb, "ratio"));
        var tiny = ReadName(wb, "tiny");
        Assert.Equal(XlsxCellKind.Number, tiny.Kind);
        Assert.Equal(-2.5e-7, double.Parse(tiny.Raw!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Boolean, "TRUE", null), ReadName(wb, "flag"));
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, "潞州区人力资源和社会保障局", null), ReadName(wb, "unit_name"));
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, "  leading and trailing  ", null), ReadName(wb, "padded"));
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Number, "42", null), ReadName(wb, "cn_value"));
        Assert.Equal(XlsxCellValue.Empty, ReadName(wb, "empty_cell"));
    }

    [Fact]
    public void Epplus_formulas_with_and_without_cached_values()
    {
        using var wb = OpenOk(XlsxTestFiles.EpplusWorkbook());

        var doubled = ReadName(wb, "doubled");
        Assert.Equal(XlsxCellKind.Number, doubled.Kind);
        Assert.Equal("84", doubled.Raw);
        Assert.Contains("C5*2", doubled.Formula);

        var div = ReadName(wb, "div_zero");
        Assert.Equal(XlsxCellKind.Error, div.Kind);
        Assert.Equal("#DIV/0!", div.Raw);
        Assert.Equal("1/0", div.Formula);

        var unc = ReadName(wb, "uncalculated");
        Assert.Equal(XlsxCellKind.FormulaWithoutValue, unc.Kind);
        Assert.Null(unc.Raw);
        Assert.Equal("C5+1", unc.Formula);
    }

    [Fact]
    public void Many_cells_across_sheets_are_read_in_one_call()
    {
        using var wb = OpenOk(XlsxTestFiles.EpplusWorkbook());
        var request = new[]
        {
            ("Sheet1", "C5"), ("sheet1", "$C$6"), (XlsxTestFiles.ChineseSheet, "C5"), ("Sheet1", "B1"),
            ("Sheet1", "XFD1048576"), ("Sheet1", "C5"), // duplicate request
        };
        var cells = wb.ReadCells(request, out var problem);
        Assert.Null(problem);
        Assert.Equal(5, cells.Count);
        Assert.Equal("1234", cells[("Sheet1", "C5")].Raw);
        Assert.Equal("0.1", cells[("sheet1", "$C$6")].Raw);
        Assert.Equal("0.1", cells[("SHEET1", "$c$6")].Raw); // keys compare case-insensitively
        Assert.Equal("42", cells[(XlsxTestFiles.ChineseSheet, "C5")].Raw);
        Assert.Equal("潞州区人力资源和社会保障局", cells[("Sheet1", "B1")].Raw);
        Assert.Equal(XlsxCellKind.Empty, cells[("Sheet1", "XFD1048576")].Kind);

        // Repeated reads give the same answers (shared-string cache, re-inflated sheets).
        var again = wb.ReadCells(request, out problem);
        Assert.Null(problem);
        Assert.Equal(cells.OrderBy(k => k.Key.ToString()), again.OrderBy(k => k.Key.ToString()));
    }

    [Fact]
    public void An_unknown_sheet_and_a_bad_reference_are_problems()
    {
        using var wb = OpenOk(XlsxTestFiles.EpplusWorkbook());

        var cells = wb.ReadCells([("Sheet1", "C5"), ("Nope", "A1")], out var problem);
        Assert.Empty(cells);
        Assert.Equal(XlsxProblemKind.UnknownSheet, problem!.Kind);
        Assert.Contains("Nope", problem.Detail);

        foreach (var bad in new[] { "C0", "XFE1", "A1048577", "C5:C6", "", "5C", "Sheet1!C5" })
        {
            wb.ReadCells([("Sheet1", bad)], out problem);
            Assert.Equal(XlsxProblemKind.BadCellReference, problem!.Kind);
        }
    }

    [Fact]
    public void Open_from_non_seekable_stream_and_from_file()
    {
        var bytes = XlsxTestFiles.EpplusWorkbook();
        using (var wb = XlsxWorkbook.Open(new XlsxTestFiles.NonSeekableStream(new MemoryStream(bytes)), null, out var problem))
        {
            Assert.Null(problem);
            Assert.Equal("1234", ReadName(wb!, "emp_total").Raw);
        }

        var path = Path.Combine(Path.GetTempPath(), $"xlsx-test-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(path, bytes);
        try
        {
            using var wb = XlsxWorkbook.Open(path, null, out var problem);
            Assert.Null(problem);
            Assert.Equal("42", ReadName(wb!, "cn_value").Raw);
        }
        finally
        {
            File.Delete(path); // the workbook has been disposed: the file handle is closed
        }
    }

    [Fact]
    public void Try_open_names_the_problem_or_gives_a_workbook_whose_dispose_is_idempotent()
    {
        Assert.True(XlsxWorkbook.TryOpen(new MemoryStream(XlsxTestFiles.EpplusWorkbook()), null, out var wb, out var problem));
        Assert.Null(problem);
        wb.Dispose();
        wb.Dispose(); // idempotent
        Assert.Throws<ObjectDisposedException>(() => wb.ReadCells([("Sheet1", "A1")], out _));

        Assert.False(XlsxWorkbook.TryOpen(new MemoryStream([1, 2, 3, 4, 5]), null, out wb, out problem));
        Assert.Null(wb);
        Assert.Equal(XlsxProblemKind.NotAZip, problem.Kind);
    }

    // ------------------------------------------------------------------ Open XML SDK edge cases

    [Fact]
    public void Open_xml_names_with_quoted_sheets_ref_constants_and_3d_references_resolve()
    {
        using var wb = OpenOk(XlsxTestFiles.OpenXmlWorkbook());
        Assert.Equal(["Bob's Sheet 1", "Other"], wb.SheetNames);

        var inline = wb.DefinedNames["inline_name"];
        Assert.Equal("Bob's Sheet 1", inline.Sheet);
        Assert.Equal("A1", inline.Cell);

        var rich = wb.DefinedNames["rich_name"]; // one-cell range $B$1:$B$1
        Assert.Equal("Bob's Sheet 1", rich.Sheet);
        Assert.Equal("B1", rich.Cell);

        foreach (var n in new[] { "broken", "broken_sheet", "constant", "three_d", "external" })
        {
            var dn = wb.DefinedNames[n];
            Assert.Null(dn.Sheet);
            Assert.Null(dn.Cell);
            Assert.False(dn.IsSingleCell);
        }
        Assert.Equal("#REF!", wb.DefinedNames["broken"].Reference);
        Assert.Equal("Other!#REF!", wb.DefinedNames["broken_sheet"].Reference);

        var local = Assert.Single(wb.LocalDefinedNames, n => n.Name == "local_a1");
        Assert.Equal(1, local.LocalSheetId);
        Assert.Equal(("Other", "A1"), (local.Sheet, local.Cell));
        var printArea = Assert.Single(wb.LocalDefinedNames, n => n.Name == "_xlnm.Print_Area");
        Assert.Null(printArea.Cell);
    }

    [Fact]
    public void Open_xml_inline_strings_rich_text_and_cells_without_r_are_read()
    {
        using var wb = OpenOk(XlsxTestFiles.OpenXmlWorkbook());
        const string s = "Bob's Sheet 1";
        var cells = wb.ReadCells(
            [(s, "A1"), (s, "B1"), (s, "C1"), (s, "A2"), (s, "B2"), (s, "C2"), (s, "D5"), (s, "E5"), (s, "F5"), (s, "A6"), (s, "A3"), ("Other", "A1")],
            out var problem);
        Assert.Null(problem);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, "inline 文本", null), cells[(s, "A1")]);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, "Rich text", null), cells[(s, "B1")]); // runs joined, rPh skipped
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, "第三", null), cells[(s, "C1")]);
        Assert.Equal("21", cells[(s, "A2")].Raw);
        Assert.Equal("22", cells[(s, "B2")].Raw);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, "plain", null), cells[(s, "C2")]);
        Assert.Equal("54", cells[(s, "D5")].Raw);
        Assert.Equal("55", cells[(s, "E5")].Raw);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, "run1+run2", null), cells[(s, "F5")]);
        Assert.Equal("61", cells[(s, "A6")].Raw);
        Assert.Equal(XlsxCellKind.Empty, cells[(s, "A3")].Kind);
        Assert.Equal("7", cells[("Other", "A1")].Raw);

        Assert.Equal("plain", ReadName(wb, "norref_name").Raw);
        Assert.Equal("run1+run2", ReadName(wb, "inline_runs").Raw);
        Assert.Equal("61", ReadName(wb, "row6").Raw);
    }

    // ------------------------------------------------------------------ hand-written XML

    [Fact]
    public void Cell_types_from_raw_xml()
    {
        var bytes = XlsxTestFiles.MinimalWorkbook("""
            <row r="1">
              <c r="A1" t="b"><v>0</v></c>
              <c r="B1" t="e"><f>NA()</f><v>#N/A</v></c>
              <c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>
              <c r="D1" t="d"><v>2024-03-31T00:00:00</v></c>
              <c r="E1" t="n"><v>1.5E-3</v></c>
              <c r="F1"><f t="shared" ref="F1:F3" si="0">E1*2</f><v>3E-3</v></c>
              <c r="G1" s="3"/>
              <c r="H1" t="str"><f>""</f><v></v></c>
              <c r="I1"><f t="shared" si="0"/></c>
              <c r="J1" t="inlineStr"><is><t xml:space="preserve"> x &lt; y </t></is></c>
              <c r="K1"><v>  7 </v></c>
              <c r="L1" t="str"><f>A1</f></c>
            </row>
            """);
        using var wb = OpenOk(bytes);
        var request = new[] { "A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1", "J1", "K1", "L1" }.Select(x => ("Sheet1", x));
        var c = wb.ReadCells(request, out var problem);
        Assert.Null(problem);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Boolean, "FALSE", null), c[("Sheet1", "A1")]);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Error, "#N/A", "NA()"), c[("Sheet1", "B1")]);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, "ab", "\"a\"&\"b\""), c[("Sheet1", "C1")]);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, "2024-03-31T00:00:00", null) { IsDate = true }, c[("Sheet1", "D1")]);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Number, "1.5E-3", null), c[("Sheet1", "E1")]);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Number, "3E-3", "E1*2"), c[("Sheet1", "F1")]);
        Assert.Equal(XlsxCellValue.Empty, c[("Sheet1", "G1")]);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, "", "\"\""), c[("Sheet1", "H1")]);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.FormulaWithoutValue, null, ""), c[("Sheet1", "I1")]); // shared follower
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Text, " x < y ", null), c[("Sheet1", "J1")]);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Number, "7", null), c[("Sheet1", "K1")]);
        Assert.Equal(new XlsxCellValue(XlsxCellKind.FormulaWithoutValue, null, "A1"), c[("Sheet1", "L1")]);
    }

    [Fact]
    public void Workbook_part_elsewhere_absolute_targets_and_strict_namespaces()
    {
        // officeDocument at a non-standard path; absolute and ../ targets; strict-OOXML namespaces.
        var bytes = XlsxTestFiles.Zip(
            ("_rels/.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/book/main%20book.xml"/>
                </Relationships>
                """),
            ("book/_rels/main book.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="a" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="/data/s1.xml"/>
                  <Relationship Id="b" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="../data/./s2.xml"/>
                  <Relationship Id="c" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings" Target="strings.xml"/>
                  <Relationship Id="d" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink" Target="http://example.com/" TargetMode="External"/>
                </Relationships>
                """),
            ("book/main book.xml", """
                <workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:rel="http://purl.oclc.org/ooxml/officeDocument/relationships">
                  <sheets><sheet name="甲" sheetId="1" rel:id="a"/><sheet name="乙" sheetId="2" rel:id="b"/></sheets>
                  <definedNames><definedName name="v">乙!$B$2</definedName></definedNames>
                </workbook>
                """),
            ("book/strings.xml", """<sst xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><si><t>零</t></si><si><t>一</t></si></sst>"""),
            ("data/s1.xml", """<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"""),
            ("data/s2.xml", """<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData><row r="2"><c r="B2" t="s"><v>1</v></c></row></sheetData></worksheet>"""));
        using var wb = OpenOk(bytes);
        Assert.Equal("book/main book.xml", wb.WorkbookPart);
        Assert.Equal(["甲", "乙"], wb.SheetNames);
        Assert.Equal("一", ReadName(wb, "v").Raw);
        Assert.Equal("零", wb.ReadCell("甲", "A1", out _)!.Raw);
    }

    [Fact]
    public void Shared_string_index_out_of_range_is_a_problem()
    {
        var bytes = XlsxTestFiles.Zip(
            ("_rels/.rels", XlsxTestFiles.RootRels),
            ("xl/workbook.xml", XlsxTestFiles.SimpleWorkbook),
            ("xl/_rels/workbook.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                </Relationships>
                """),
            ("xl/sharedStrings.xml", """<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>only</t></si></sst>"""),
            ("xl/worksheets/sheet1.xml", XlsxTestFiles.SheetXml("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>5</v></c></row>""")));
        using var wb = OpenOk(bytes);
        Assert.Equal("only", wb.ReadCell("Sheet1", "A1", out var problem)!.Raw);
        Assert.Null(problem);
        wb.ReadCells([("Sheet1", "B1")], out problem);
        Assert.Equal(XlsxProblemKind.MalformedXml, problem!.Kind);
    }

    [Fact]
    public void Cells_read_in_turns_answer_as_one_fresh_read_would()
    {
        // A return asks for its meta cells, then its fields, then its stamp: the one pass over the sheet is kept
        // between the requests. Each answer must be what a fresh workbook reading only those cells gives: a named cell
        // past the end empty, an unnamed cell behind the pass, and a sheet broken after some named cells (a problem
        // every time, for every cell: the pass reads to the end, and a cell given again past the break cannot be ruled out).
        const string workbook = """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
              <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
              <definedNames><definedName name="a">Sheet1!$A$1</definedName><definedName name="b">Sheet1!$B$2</definedName>
                <definedName name="c">Sheet1!$C$3</definedName><definedName name="z">Sheet1!$Z$99</definedName><definedName name="late">Sheet1!$A$9</definedName></definedNames>
            </workbook>
            """;
        const string rows = """
            <row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>unnamed</v></c></row>
            <row r="2"><c r="B2"><v>2</v></c></row>
            <row r="3"><c r="C3" t="inlineStr"><is><t>three</t></is></c><c r="D3" t="s"><v>x</v></c></row>
            """;
        var sound = XlsxTestFiles.MinimalWorkbook(rows, workbook);
        var broken = XlsxTestFiles.MinimalWorkbook(rows + """<row r="8"><c r="A8"><v>8</v></c></rw><row r="9"><c r="A9"><v>9</v></c></row>""", workbook);

        static (XlsxCellValue? Value, XlsxProblemKind? Problem) Fresh(byte[] bytes, string cell)
        {
            using var wb = OpenOk(bytes);
            var value = wb.ReadCell("Sheet1", cell, out var problem);
            return (value, problem?.Kind);
        }

        foreach (var bytes in new[] { sound, broken })
        {
            using var wb = OpenOk(bytes);
            foreach (var turn in new[] { new[] { "A1" }, ["B2", "C3"], ["Z99"], ["B1"], ["A9"], ["D3"], ["A1", "B2"], ["A9"] })
            {
                var read = wb.ReadCells(turn.Select(c => ("Sheet1", c)), out var problem);
                foreach (var cell in turn)
                {
                    var expected = Fresh(bytes, cell);
                    if (expected.Problem is { } kind)
                    {
                        Assert.Equal(kind, problem?.Kind);
                    }
                    else if (problem is null)
                    {
                        Assert.Equal(expected.Value, read[("Sheet1", cell)]);
                    }
                }
                if (turn.All(c => Fresh(bytes, c).Problem is null))
                {
                    Assert.Null(problem);
                }
            }
        }
        using (var wb = OpenOk(sound))
        {
            Assert.Equal("2", wb.ReadCell("Sheet1", "B2", out _)!.Raw);
            Assert.Equal(XlsxCellKind.Empty, wb.ReadCell("Sheet1", "Z99", out _)!.Kind);
            Assert.Equal("unnamed", wb.ReadCell("Sheet1", "B1", out _)!.Raw);
        }
        Assert.NotNull(Fresh(broken, "A9").Problem);
        Assert.NotNull(Fresh(broken, "C3").Problem);
    }

    // ------------------------------------------------------------------ concurrency and timing

    [Fact]
    public void Different_instances_on_different_threads()
    {
        var bytes = XlsxTestFiles.EpplusWorkbook();
        var shared = OpenOk(bytes);
        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 16, i =>
        {
            using var wb = XlsxWorkbook.Open(new MemoryStream(bytes), null, out var problem);
            for (var k = 0; k < 20; k++)
            {
                var own = wb!.ReadCells([("Sheet1", "C5"), ("Sheet1", "B1"), (XlsxTestFiles.ChineseSheet, "C9")], out problem);
                if (problem is not null || own[("Sheet1", "C5")].Raw != "1234" || own[("Sheet1", "B1")].Raw != "潞州区人力资源和社会保障局" || own[(XlsxTestFiles.ChineseSheet, "C9")].Raw != "84")
                {
                    errors.Add($"instance {i}: {problem}");
                }
                // One instance shared by all threads is serialised internally.
                var sh = shared.ReadCells([("Sheet1", "C6")], out problem);
                if (problem is not null || sh[("Sheet1", "C6")].Raw != "0.1")
                {
                    errors.Add($"shared {i}: {problem}");
                }
            }
        });
        shared.Dispose();
        Assert.Empty(errors);
    }
}
