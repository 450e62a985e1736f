package dev.churn.drift.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngTest {

  @Test
  void encode_decodesWithImageIoToTheSamePixels() throws IOException {
    BufferedImage img = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 37, 23);
    g.setColor(new Color(0x4C78A8));
    g.fillRect(3, 5, 10, 18);
    g.setColor(new Color(12, 200, 7));
    g.drawLine(0, 0, 36, 22);
    g.dispose();

    BufferedImage back = ImageIO.read(new ByteArrayInputStream(Png.encode(img)));

    assertThat(back.getWidth()).isEqualTo(37);
    assertThat(back.getHeight()).isEqualTo(23);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        assertThat(back.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y)
            .isEqualTo(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
  }

  @Test
  void encode_acceptsOtherImageTypes() throws IOException {
    BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_3BYTE_BGR);
    img.setRGB(2, 1, 0x123456);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(Png.encode(img)));
    assertThat(back.getRGB(2, 1) & 0xFFFFFF).isEqualTo(0x123456);
    assertThat(back.getRGB(0, 0) & 0xFFFFFF).isZero();
  }
}
