package vn.smartprovince.shared.province;

/** A number to call: {@code 113} Công an, {@code 114} Cứu hỏa, {@code 115} Cấp cứu, the province's hotline. */
public record Hotline(String number, String name) {
}
