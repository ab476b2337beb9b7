using Reports.Pdf;

namespace Reports.Pdf.Faces;

/// <summary>Which face serves a role of the briefing and why: named in settings, installed, or bundled (and what it stands in for).</summary>
public sealed record ServedFace(PdfFontRole Role, PdfFontFile File, string How)
{
    public string Describe() => $"{BriefingFaces.RoleName(Role)}：{System.IO.Path.GetFileName(File.Path)}（{How}）";
}
