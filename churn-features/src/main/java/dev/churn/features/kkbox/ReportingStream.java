package dev.churn.features.kkbox;

import dev.churn.core.io.TableStream;
import dev.churn.core.table.Schema;
import dev.churn.core.table.Table;
import java.util.function.Consumer;

/** Passes a cleaned stream through and hands its cleaning report on when closed. */
final class ReportingStream implements TableStream {
  private final CleanedTableStream inner;
  private final Consumer<CleaningReport> onClose;

  ReportingStream(CleanedTableStream inner, Consumer<CleaningReport> onClose) {
    this.inner = inner;
    this.onClose = onClose;
  }

  @Override
  public Schema schema() {
    return inner.schema();
  }

  @Override
  public long rowsRead() {
    return inner.rowsRead();
  }

  @Override
  public long bytesRead() {
    return inner.bytesRead();
  }

  @Override
  public long totalBytes() {
    return inner.totalBytes();
  }

  @Override
  public boolean hasNext() {
    return inner.hasNext();
  }

  @Override
  public Table next() {
    return inner.next();
  }

  @Override
  public void close() {
    inner.close();
    onClose.accept(inner.report());
  }
}
