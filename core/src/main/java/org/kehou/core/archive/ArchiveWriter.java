package org.kehou.core.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The ZIP being written and its index: every file goes in with a description and its count of rows. */
public final class ArchiveWriter {

  /** A file's content, written to the stream it is given; returns its rows (records, lines) for the index. */
  @FunctionalInterface
  public interface Body {
    int write(OutputStream out) throws IOException;
  }

  /** One line of the index. */
  public record Entry(String path, String description, int rows) {
  }

  private final ZipOutputStream zip;
  private final List<Entry> entries = new ArrayList<>();

  ArchiveWriter(OutputStream out) {
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
  }

  public void file(String path, String description, Body body) throws IOException {
    // A workbook is a ZIP already: compressing it again costs time and saves nothing.
    zip.setLevel(path.endsWith(".xlsx") ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
    zip.putNextEntry(new ZipEntry(path));
    int rows = body.write(zip);
    zip.closeEntry();
    entries.add(new Entry(path, description, rows));
  }

  public void text(String path, String description, String text, int rows) throws IOException {
    file(path, description, out -> {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      return rows;
    });
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  void finish() throws IOException {
    zip.finish();
  }
}
