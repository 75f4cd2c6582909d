/** The province: its configuration in force (later its news, alerts and directory). This package holds only {@link vn.smartprovince.province.Wiring}. */
package vn.smartprovince.province;
