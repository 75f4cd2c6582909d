package vn.smartprovince.province.core;

/** What kind of article it is; the mini app shows the Vietnamese label. A small list kept in code. */
public enum ArticleCategory {
    ANNOUNCEMENT("Thông báo"),
    NEWS("Tin tức"),
    POLICY("Chính sách"),
    GUIDE("Hướng dẫn"),
    EVENT("Sự kiện");

    private final String label;

    ArticleCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
