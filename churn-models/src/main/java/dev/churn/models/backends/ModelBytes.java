package dev.churn.models.backends;

import dev.churn.core.ChurnException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;

/**
 * The byte format of the built-in backends' models: a small header (magic, backend id, format
 * version, column names in training order), the Tribuo model in Tribuo's protobuf format, and an
 * optional backend-specific section (the forest's bins).
 *
 * <p>The column order is kept here because Tribuo stores features sorted by name, not in the order
 * of the matrix the model was trained on.
 */
final class ModelBytes {
  private static final int MAGIC = 0x43484d42; // "CHMB"
  private static final int FORMAT = 1;

  /**
   * A decoded model.
   *
   * @param names the column names in training order
   * @param model the Tribuo model
   * @param extra the backend-specific section (empty when there is none)
   */
  record Decoded(List<String> names, Model<?> model, byte[] extra) {}

  private ModelBytes() {}

  /** Encodes a Tribuo model with its column order. */
  static byte[] write(String backend, List<String> names, Model<?> model) {
    return write(backend, names, model, new byte[0]);
  }

  /** Encodes a Tribuo model with its column order and a backend-specific section. */
  static byte[] write(String backend, List<String> names, Model<?> model, byte[] extra) {
    byte[] proto = model.serialize().toByteArray();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(proto.length + 64 + names.size() * 16);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeUTF(backend);
      out.writeInt(FORMAT);
      out.writeInt(names.size());
      for (String n : names) {
        out.writeUTF(n);
      }
      out.writeInt(proto.length);
      out.write(proto);
      out.writeInt(extra.length);
      out.write(extra);
    } catch (IOException e) {
      throw new ChurnException("could not encode the " + backend + " model: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes bytes written by {@link #write} for the given backend.
   *
   * @throws ChurnException when the bytes are not a model of this backend or are damaged
   */
  static Decoded read(String backend, byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (bytes.length < 4 || in.readInt() != MAGIC) {
        throw new ChurnException("these " + bytes.length + " bytes are not a churn model (no churn"
            + " header); read them with the backend that wrote them");
      }
      String writer = in.readUTF();
      if (!writer.equals(backend)) {
        throw new ChurnException("these bytes hold a '" + writer + "' model, not a '" + backend
            + "' model; read them with the '" + writer + "' backend");
      }
      int format = in.readInt();
      if (format != FORMAT) {
        throw new ChurnException("this '" + backend + "' model has format " + format
            + " but this version of churn reads format " + FORMAT + "; use a matching churn version");
      }
      int n = in.readInt();
      if (n < 0 || n > bytes.length) {
        throw new ChurnException("the '" + backend + "' model is damaged (column count " + n + ")");
      }
      List<String> names = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        names.add(in.readUTF());
      }
      int len = in.readInt();
      if (len < 0 || len > in.available()) {
        throw new ChurnException("the '" + backend + "' model is damaged (model length " + len
            + ", " + in.available() + " bytes left)");
      }
      byte[] proto = in.readNBytes(len);
      int extraLen = in.readInt();
      if (extraLen < 0 || extraLen != in.available()) {
        throw new ChurnException("the '" + backend + "' model is damaged (extra length " + extraLen
            + ", " + in.available() + " bytes left)");
      }
      byte[] extra = in.readNBytes(extraLen);
      return new Decoded(List.copyOf(names), Model.deserialize(ModelProto.parseFrom(proto)), extra);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ChurnException ce) {
        throw ce;
      }
      throw new ChurnException("could not read the '" + backend + "' model: " + e.getMessage(), e);
    }
  }
}
