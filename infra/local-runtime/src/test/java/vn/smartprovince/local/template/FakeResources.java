package vn.smartprovince.local.template;

/** Resources that resolve to readable placeholders ({@code ref:X}, {@code att:X.Arn}), for template tests. */
final class FakeResources implements Intrinsics.Resources {
    static final FakeResources INSTANCE = new FakeResources();

    private FakeResources() {
    }

    @Override
    public Object ref(String logicalId) {
        return "ref:" + logicalId;
    }

    @Override
    public Object getAtt(String logicalId, String attribute) {
        return "att:" + logicalId + "." + attribute;
    }
}
