package org.dossier.custody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.dossier.core.CaseLayout;
import org.dossier.core.DocumentId;

/**
 * Writes a BagIt-style {@code manifest-sha256.txt} (one {@code <sha256>  <path>} line per
 * original, paths relative to the case folder) and {@code bagit.txt}, so that the evidence folder
 * can be checked with any BagIt or {@code sha256sum -c} tool.
 */
public final class ManifestWriter {
  private final CaseLayout layout;

  public ManifestWriter(CaseLayout layout) {
    this.layout = layout;
  }

  /**
   * @param originals calls its argument once per stored original, in a stable order
   * @return the number of lines written
   */
  public long write(Consumer<Consumer<DocumentId>> originals) throws IOException {
    Path manifest = layout.manifest();
    Path tmp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
    long[] count = {0};
    try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      originals.accept(
          id -> {
            try {
              String rel = layout.root().relativize(layout.original(id)).toString();
              out.write(id.sha256());
              out.write("  ");
              out.write(rel.replace('\\', '/'));
              out.write('\n');
              count[0]++;
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
    Files.move(tmp, manifest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.writeString(
        layout.root().resolve("bagit.txt"),
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
        StandardCharsets.UTF_8);
    return count[0];
  }
}
