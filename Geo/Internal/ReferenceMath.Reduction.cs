namespace SupplyGrid.Geo.Internal;

/// <summary>Argument reduction modulo π/2 for <see cref="ReferenceMath"/>, as fdlibm does it.</summary>
internal static partial class ReferenceMath
{
    private static ReadOnlySpan<int> MultiplesOfPiOver2HighWords =>
    [
        0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C,
        0x4025FDBB, 0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C,
        0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A,
        0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
        0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB,
        0x404858EB, 0x404921FB,
    ];

    /// <summary>x = n·π/2 + (y0 + y1) for finite |x| > π/4; returns n (only n mod 4 is meaningful).</summary>
    private static int ReduceByPiOver2(double x, out double y0, out double y1)
    {
        const double InvPiOver2 = 6.36619772367581382433e-01;
        const double PiOver2Part1 = 1.57079632673412561417e+00;
        const double PiOver2Part1Tail = 6.07710050650619224932e-11;
        const double PiOver2Part2 = 6.07710050630396597660e-11;
        const double PiOver2Part2Tail = 2.02226624879595063154e-21;
        const double PiOver2Part3 = 2.02226624871116645580e-21;
        const double PiOver2Part3Tail = 8.47842766036889956997e-32;

        int hx = HighWord(x);
        int ix = hx & 0x7FFFFFFF;
        if (ix < 0x4002D97C)
        {
            // |x| < 3π/4: n is ±1.
            double z;
            if (hx > 0)
            {
                z = x - PiOver2Part1;
                if (ix != 0x3FF921FB)
                {
                    y0 = z - PiOver2Part1Tail;
                    y1 = (z - y0) - PiOver2Part1Tail;
                }
                else
                {
                    z -= PiOver2Part2;
                    y0 = z - PiOver2Part2Tail;
                    y1 = (z - y0) - PiOver2Part2Tail;
                }
                return 1;
            }
            z = x + PiOver2Part1;
            if (ix != 0x3FF921FB)
            {
                y0 = z + PiOver2Part1Tail;
                y1 = (z - y0) + PiOver2Part1Tail;
            }
            else
            {
                z += PiOver2Part2;
                y0 = z + PiOver2Part2Tail;
                y1 = (z - y0) + PiOver2Part2Tail;
            }
            return -1;
        }

        if (ix > 0x413921FB)
            return ReduceLarge(x, out y0, out y1);

        // |x| up to 2^19·π/2: subtract n·π/2 with π/2 split into 33-bit parts.
        double t = Math.Abs(x);
        int n = (int)(t * InvPiOver2 + 0.5);
        double fn = n;
        double r = t - fn * PiOver2Part1;
        double w = fn * PiOver2Part1Tail;
        if (n < 32 && ix != MultiplesOfPiOver2HighWords[n - 1])
        {
            y0 = r - w;
        }
        else
        {
            int j = ix >> 20;
            y0 = r - w;
            int i = j - ((HighWord(y0) >> 20) & 0x7FF);
            if (i > 16)
            {
                t = r;
                w = fn * PiOver2Part2;
                r = t - w;
                w = fn * PiOver2Part2Tail - ((t - r) - w);
                y0 = r - w;
                i = j - ((HighWord(y0) >> 20) & 0x7FF);
                if (i > 49)
                {
                    t = r;
                    w = fn * PiOver2Part3;
                    r = t - w;
                    w = fn * PiOver2Part3Tail - ((t - r) - w);
                    y0 = r - w;
                }
            }
        }
        y1 = (r - y0) - w;
        if (hx < 0)
        {
            y0 = -y0;
            y1 = -y1;
            return -n;
        }
        return n;
    }

    /// <summary>2/π in 24-bit chunks: chunk i is bits 24i+1 .. 24i+24 after the binary point.</summary>
    private static ReadOnlySpan<int> TwoOverPi =>
    [
        0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C,
        0x439041, 0xFE5163, 0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649,
        0x2EEA09, 0xD1921C, 0xFE1DEB, 0x1CB129, 0xA73EE8, 0x8235F5, 0x2EBB44,
        0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353, 0x39F49C, 0x845F8B,
        0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D,
        0x367ECF, 0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5,
        0xF17B3D, 0x0739F7, 0x8A5292, 0xEA6BFB, 0x5FB11F, 0x8D5D08, 0x560330,
        0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3, 0x91615E, 0xE61B08,
        0x659985, 0x5F14A0, 0x68408D, 0xFFD880, 0x4D7327, 0x310606, 0x1556CA,
        0x73A8C9, 0x60E27B, 0xC08C6B,
    ];

    /// <summary>π/2 cut into 24-bit chunks.</summary>
    private static ReadOnlySpan<double> PiOver2Chunks =>
    [
        1.57079625129699707031e+00, 7.54978941586159635335e-08, 5.39030252995776476554e-15,
        3.28200341580791294123e-22, 1.27065575308067607349e-29, 1.22933308981111328932e-36,
        2.73370053816464559624e-44, 2.16741683877804819444e-51,
    ];

    /// <summary>Reduction of |x| above 2^19·π/2 (the multi-precision path).</summary>
    private static int ReduceLarge(double x, out double y0, out double y1)
    {
        const double Two24 = 1.67772160000000000000e+07;
        y0 = y1 = 0;
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        int hx = (int)(bits >> 32);
        int ix = hx & 0x7FFFFFFF;

        // Split |x| scaled to [2^23, 2^24) into three 24-bit integers.
        int e0 = (ix >> 20) - 1046;
        double z = BitConverter.UInt64BitsToDouble(((ulong)(uint)(ix - (e0 << 20)) << 32) | (uint)bits);
        Span<double> tx = stackalloc double[3];
        for (int i = 0; i < 2; i++)
        {
            tx[i] = (int)z;
            z = (z - tx[i]) * Two24;
        }
        tx[2] = z;
        int nx = 3;
        while (tx[nx - 1] == 0.0)
            nx--;

        int n = RemainderOfTwoOverPiProduct(tx[..nx], e0, out y0, out y1);
        if (hx < 0)
        {
            y0 = -y0;
            y1 = -y1;
            return -n;
        }
        return n;
    }

    /// <summary>
    /// For x = Σ x[i]·2^(e0 - 24i) (24-bit chunks), returns the last three bits of N and the
    /// remainder y0 + y1 = x - N·π/2, computing only the bits of x·2/π that matter mod 8
    /// (fdlibm's __kernel_rem_pio2 at 64-bit precision).
    /// </summary>
    private static int RemainderOfTwoOverPiProduct(ReadOnlySpan<double> x, int e0, out double y0, out double y1)
    {
        const double Two24 = 1.67772160000000000000e+07;
        const double TwoMinus24 = 5.96046447753906250000e-08;
        const int Jk = 4;
        const int Jp = Jk;

        Span<double> f = stackalloc double[20];
        Span<double> q = stackalloc double[20];
        Span<double> fq = stackalloc double[20];
        Span<int> iq = stackalloc int[20];
        var ipio2 = TwoOverPi;

        int jx = x.Length - 1;
        int jv = (e0 - 3) / 24;
        if (jv < 0)
            jv = 0;
        int q0 = e0 - 24 * (jv + 1);

        // f[0..jx+jk] = the chunks of 2/π that meet x's chunks.
        for (int i = 0, j = jv - jx; i <= jx + Jk; i++, j++)
            f[i] = j < 0 ? 0.0 : ipio2[j];
        for (int i = 0; i <= Jk; i++)
            q[i] = ProductTerm(x, f, jx + i);

        int jz = Jk;
        int n, ih;
        double z;
        while (true)
        {
            // Distill q[] into 24-bit integers iq[], most significant last.
            z = q[jz];
            for (int i = 0, j = jz; j > 0; i++, j--)
            {
                double fw = (int)(TwoMinus24 * z);
                iq[i] = (int)(z - Two24 * fw);
                z = q[j - 1] + fw;
            }

            // The integer part mod 8 is n; the fraction stays in z and iq[].
            z = Math.ScaleB(z, q0);
            z -= 8.0 * Math.Floor(z * 0.125);
            n = (int)z;
            z -= n;
            ih = 0;
            if (q0 > 0)
            {
                int i = iq[jz - 1] >> (24 - q0);
                n += i;
                iq[jz - 1] -= i << (24 - q0);
                ih = iq[jz - 1] >> (23 - q0);
            }
            else if (q0 == 0)
            {
                ih = iq[jz - 1] >> 23;
            }
            else if (z >= 0.5)
            {
                ih = 2;
            }

            if (ih > 0)
            {
                // The fraction is at least one half: use 1 - fraction and round n up.
                n += 1;
                int carry = 0;
                for (int i = 0; i < jz; i++)
                {
                    int j = iq[i];
                    if (carry == 0)
                    {
                        if (j != 0)
                        {
                            carry = 1;
                            iq[i] = 0x1000000 - j;
                        }
                    }
                    else
                    {
                        iq[i] = 0xFFFFFF - j;
                    }
                }
                if (q0 == 1)
                    iq[jz - 1] &= 0x7FFFFF;
                else if (q0 == 2)
                    iq[jz - 1] &= 0x3FFFFF;
                if (ih == 2)
                {
                    z = 1.0 - z;
                    if (carry != 0)
                        z -= Math.ScaleB(1.0, q0);
                }
            }

            // If every computed bit cancelled, take more chunks of 2/π and start again.
            if (z != 0.0)
                break;
            int any = 0;
            for (int i = jz - 1; i >= Jk; i--)
                any |= iq[i];
            if (any != 0)
                break;
            int k = 1;
            while (Jk >= k && iq[Jk - k] == 0)
                k++;
            for (int i = jz + 1; i <= jz + k; i++)
            {
                f[jx + i] = ipio2[jv + i];
                q[i] = ProductTerm(x, f, jx + i);
            }
            jz += k;
        }

        // Drop zero chunks, or split the last partial chunk.
        if (z == 0.0)
        {
            jz -= 1;
            q0 -= 24;
            while (iq[jz] == 0)
            {
                jz--;
                q0 -= 24;
            }
        }
        else
        {
            z = Math.ScaleB(z, -q0);
            if (z >= Two24)
            {
                double fw = (int)(TwoMinus24 * z);
                iq[jz] = (int)(z - Two24 * fw);
                jz += 1;
                q0 += 24;
                iq[jz] = (int)fw;
            }
            else
            {
                iq[jz] = (int)z;
            }
        }

        // Back to floating point, then multiply the fraction by π/2.
        double scale = Math.ScaleB(1.0, q0);
        for (int i = jz; i >= 0; i--)
        {
            q[i] = scale * iq[i];
            scale *= TwoMinus24;
        }
        var pio2 = PiOver2Chunks;
        for (int i = jz; i >= 0; i--)
        {
            double fw = 0.0;
            for (int k = 0; k <= Jp && k <= jz - i; k++)
                fw += pio2[k] * q[i + k];
            fq[jz - i] = fw;
        }

        double sum = 0.0;
        for (int i = jz; i >= 0; i--)
            sum += fq[i];
        y0 = ih == 0 ? sum : -sum;
        sum = fq[0] - sum;
        for (int i = 1; i <= jz; i++)
            sum += fq[i];
        y1 = ih == 0 ? sum : -sum;
        return n & 7;
    }

    /// <summary>Σ x[j]·f[index - j]: one chunk of the product x·(2/π).</summary>
    private static double ProductTerm(ReadOnlySpan<double> x, ReadOnlySpan<double> f, int index)
    {
        double sum = 0.0;
        for (int j = 0; j < x.Length; j++)
            sum += x[j] * f[index - j];
        return sum;
    }
}
