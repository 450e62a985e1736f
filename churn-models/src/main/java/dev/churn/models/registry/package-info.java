/**
 * The model registry: versions of each model with lineage, stages None / Staging / Production /
 * Archived, aliases, gated transitions (champion / challenger, acceptance on a fixed sample,
 * metric thresholds) and an append-only audit log, in an embedded directory store or any {@link
 * dev.churn.models.registry.spi.RegistryStore}.
 *
 * <p>Entry point: {@link dev.churn.models.registry.ModelRegistry}.
 *
 * <h2>File formats of the embedded store</h2>
 *
 * <p>{@code registry/<model>/log.jsonl}: one JSON object per line, {@code \n}-terminated, never
 * rewritten. Fields: {@code seq} (1, 2, ...), {@code time} (ISO-8601), {@code user}, {@code
 * action} ({@code REGISTER}, {@code TRANSITION}, {@code ALIAS}, {@code UNALIAS}, {@code
 * REJECTED}), {@code model}, {@code version}, and when relevant {@code from}, {@code to} (stage
 * names), {@code alias}, {@code previousVersion}, {@code reason}, {@code forced}, {@code gates}
 * ({@code [{name, passed, detail, values{}}]}), {@code skippedGates}, {@code displaced} ({@code
 * {version, from, to}}) and, for REGISTER, {@code meta} (the version as registered, in the
 * {@code meta.json} format).
 *
 * <p>{@code registry/<model>/versions/<n>/meta.json}: {@code format} (1), {@code model}, {@code
 * version}, {@code stage}, {@code stageSince}, {@code aliases}, {@code createdAt}, {@code
 * createdBy}, optional {@code description}, {@code runId}, {@code backend}, {@code package}
 * ({@code {path: "model.bin", sha256, bytes}}), {@code metrics}, {@code params}, {@code
 * signature} (column to type), {@code tags}, optional {@code dataFingerprint}, {@code
 * featureGroups}, {@code attachments} ({@code name -> {path, sha256, bytes}}), optional {@code
 * provenance} (the {@link dev.churn.core.provenance.Provenance} JSON).
 *
 * <p>{@code registry/<model>/aliases.json}: {@code format}, {@code model}, {@code logEntries}
 * (how many log entries the state files reflect), {@code updatedAt}, {@code aliases} (alias to
 * version number).
 */
package dev.churn.models.registry;
