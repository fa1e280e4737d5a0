/**
 * The pipeline: wires the adapters to one case and runs the stages. {@link
 * org.dossier.pipeline.CaseFolder} is the one place adapters are opened; {@link
 * org.dossier.pipeline.Ingest} runs collect, extract and index concurrently (one collector
 * thread, two extraction driver threads per core feeding one worker process that parses on a
 * thread per core, one recorder thread that alone writes the store, the custody log and the
 * index), resumably: every state change is in the store, so a run
 * killed at any point is finished by running it again.
 *
 * <p>May import: every other {@code org.dossier} package except {@code cli}.
 */
package org.dossier.pipeline;
