package vn.smartprovince.shared.province;

/**
 * Reads the optional {@code oneStop} object of a province file for {@link ProvinceConfigLoader}.
 * Absent: {@link OneStopSettings#DISABLED}.
 */
final class OneStopReader {
    private final StrictJson json;

    OneStopReader(StrictJson json) {
        this.json = json;
    }

    OneStopSettings oneStop(JsonAt at) {
        if (at == null) {
            return OneStopSettings.DISABLED;
        }
        // TODO(sync-out helper): read enabled and fieldNames, each problem at its path.
        return OneStopSettings.DISABLED;
    }
}
