package vn.smartprovince.shared.priming;

/** Work done once before SnapStart's snapshot so that a restored instance's first request finds it done. */
@FunctionalInterface
public interface Primer {
    void prime() throws Exception;
}
