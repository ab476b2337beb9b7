using System.Runtime.InteropServices;

namespace Reports.Pdf;

/// <summary>
/// Subsets a TrueType font (or one face of a .ttc collection) to the given code points with HarfBuzz's
/// hb_subset API, which libHarfBuzzSharp exports. Skia's PDF backend embeds fonts whole, so the document
/// is laid out and drawn with the subset typeface. The subset keeps the cmap of the retained code points,
/// so the PDF's ToUnicode map (and text extraction) stays correct.
/// </summary>
internal static class FontSubsetter
{
    private const string Lib = "libHarfBuzzSharp";
    private const int HbMemoryModeDuplicate = 0;
    private const uint HbSubsetFlagsNoHinting = 0x1;

    /// <summary>Returns the bytes of a standalone TrueType font holding only <paramref name="codePoints"/>
    /// (plus .notdef and whatever glyphs HarfBuzz needs for them).</summary>
    public static byte[] Subset(byte[] fontData, int faceIndex, IEnumerable<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(fontData);
        if (fontData.Length == 0)
        {
            throw new ArgumentException("字体数据为空", nameof(fontData));
        }

        IntPtr blob = IntPtr.Zero, face = IntPtr.Zero, input = IntPtr.Zero, subsetFace = IntPtr.Zero, subsetBlob = IntPtr.Zero;
        var pin = GCHandle.Alloc(fontData, GCHandleType.Pinned);
        try
        {
            // DUPLICATE: HarfBuzz copies the bytes, so the pin is only needed during this call.
            blob = hb_blob_create(pin.AddrOfPinnedObject(), (uint)fontData.Length, HbMemoryModeDuplicate, IntPtr.Zero, IntPtr.Zero);
            pin.Free();
            if (blob == IntPtr.Zero)
            {
                throw new InvalidOperationException("HarfBuzz 无法读入字体数据");
            }

            face = hb_face_create(blob, (uint)faceIndex);
            if (face == IntPtr.Zero || hb_face_get_glyph_count(face) == 0)
            {
                throw new InvalidOperationException($"字体文件中序号 {faceIndex} 处没有可用的字体");
            }

            input = hb_subset_input_create_or_fail();
            if (input == IntPtr.Zero)
            {
                throw new InvalidOperationException("HarfBuzz 无法准备字体子集（hb_subset_input_create_or_fail）");
            }
            hb_subset_input_set_flags(input, hb_subset_input_get_flags(input) | HbSubsetFlagsNoHinting);

            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var cp in codePoints)
            {
                hb_set_add(unicodes, (uint)cp);
            }

            subsetFace = hb_subset_or_fail(face, input);
            if (subsetFace == IntPtr.Zero)
            {
                throw new InvalidOperationException("HarfBuzz 无法生成字体子集（hb_subset_or_fail）");
            }

            subsetBlob = hb_face_reference_blob(subsetFace);
            var data = hb_blob_get_data(subsetBlob, out var length);
            if (data == IntPtr.Zero || length == 0)
            {
                throw new InvalidOperationException("生成的字体子集为空");
            }
            var result = new byte[length];
            Marshal.Copy(data, result, 0, (int)length);
            return result;
        }
        finally
        {
            if (pin.IsAllocated)
            {
                pin.Free();
            }
            if (subsetBlob != IntPtr.Zero)
            {
                hb_blob_destroy(subsetBlob);
            }
            if (subsetFace != IntPtr.Zero)
            {
                hb_face_destroy(subsetFace);
            }
            if (input != IntPtr.Zero)
            {
                hb_subset_input_destroy(input);
            }
            if (face != IntPtr.Zero)
            {
                hb_face_destroy(face);
            }
            if (blob != IntPtr.Zero)
            {
                hb_blob_destroy(blob);
            }
        }
    }

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr hb_face_create(IntPtr blob, uint index);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern uint hb_face_get_glyph_count(IntPtr face);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern uint hb_subset_input_get_flags(IntPtr input);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

    [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
    private static extern void hb_set_add(IntPtr set, uint codepoint);
}
