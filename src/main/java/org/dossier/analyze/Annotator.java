package org.dossier.analyze;

import java.util.Set;

/** One step of the analysis, CoreNLP-style: it declares what it needs and what it adds. */
public interface Annotator {

  Set<Layer> requires();

  Set<Layer> produces();

  /** Adds this annotator's layer to the draft. Must not throw for odd text. */
  void annotate(Draft draft);
}
