/**
 * A fake of the province's one-stop system (hệ thống một cửa): receives our dossier events, keeps
 * its own copy of each dossier, pushes signed desk updates, injects seeded faults; for local runs
 * and tests. Control API under {@code /_fake/}.
 */
package vn.smartprovince.onestopfake;
