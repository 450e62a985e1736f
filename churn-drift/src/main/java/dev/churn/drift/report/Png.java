package dev.churn.drift.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG encoder for opaque chart images: 8-bit RGB, no interlacing, the "Sub" row filter,
 * zlib from {@link Deflater}. It avoids {@code javax.imageio}, whose service registry and
 * per-pixel raster access cost a large share of a short CLI run. The reports of this package and
 * the CLI's data profile embed their XChart charts with it.
 *
 * <pre>{@code
 * byte[] png = Png.encode(BitmapEncoder.getBufferedImage(chart));
 * String img = "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
 * }</pre>
 */
public final class Png {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private Png() {}

  /**
   * Encodes an image; the alpha channel, if any, is dropped.
   *
   * @param image the image
   * @return the PNG file's bytes
   */
  public static byte[] encode(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] rgb;
    if ((image.getType() == BufferedImage.TYPE_INT_RGB
            || image.getType() == BufferedImage.TYPE_INT_ARGB)
        && image.getRaster().getDataBuffer() instanceof DataBufferInt ints
        && ints.getNumBanks() == 1
        && image.getRaster().getSampleModelTranslateX() == 0
        && image.getRaster().getSampleModelTranslateY() == 0) {
      rgb = ints.getData();
    } else {
      rgb = image.getRGB(0, 0, w, h, null, 0, w);
    }
    int stride = 1 + 3 * w;
    byte[] raw = new byte[h * stride];
    for (int y = 0; y < h; y++) {
      int o = y * stride;
      raw[o] = 1; // filter type Sub: each byte minus the byte of the pixel to its left
      int pr = 0;
      int pg = 0;
      int pb = 0;
      for (int x = 0; x < w; x++) {
        int p = rgb[y * w + x];
        int r = (p >>> 16) & 0xff;
        int g = (p >>> 8) & 0xff;
        int b = p & 0xff;
        int k = o + 1 + 3 * x;
        raw[k] = (byte) (r - pr);
        raw[k + 1] = (byte) (g - pg);
        raw[k + 2] = (byte) (b - pb);
        pr = r;
        pg = g;
        pb = b;
      }
    }
    Deflater deflater = new Deflater(6);
    byte[] compressed;
    try {
      deflater.setInput(raw);
      deflater.finish();
      ByteArrayOutputStream z = new ByteArrayOutputStream(raw.length / 8 + 64);
      byte[] buf = new byte[64 * 1024];
      while (!deflater.finished()) {
        int n = deflater.deflate(buf);
        z.write(buf, 0, n);
      }
      compressed = z.toByteArray();
    } finally {
      deflater.end();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length + 64);
    out.writeBytes(SIGNATURE);
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, w);
    putInt(ihdr, 4, h);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // colour type: RGB
    chunk(out, "IHDR", ihdr);
    chunk(out, "IDAT", compressed);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] len = new byte[4];
    putInt(len, 0, data.length);
    out.writeBytes(len);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    byte[] c = new byte[4];
    putInt(c, 0, (int) crc.getValue());
    out.writeBytes(c);
  }

  private static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
