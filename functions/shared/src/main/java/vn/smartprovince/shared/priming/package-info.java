/**
 * SnapStart priming: before Lambda snapshots a published version, every function runs its request
 * path once on a synthetic event ({@link vn.smartprovince.shared.priming.Priming}), while a guard
 * refuses every call that would write, send or call out ({@link
 * vn.smartprovince.shared.priming.PrimingRefusedException}). See docs/performance.md, "SnapStart
 * priming".
 */
package vn.smartprovince.shared.priming;
