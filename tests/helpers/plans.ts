/**
 * The header of the provincial plan several tests write a body under: Lai
 * Châu's 12/KH-UBND of 15/3/2026, implementing Chỉ thị 21-CT/TW. Ends with
 * the `---` line and a blank line.
 */
export const LAI_CHAU_HEADER = `Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 12/KH-UBND
Địa danh: Lai Châu
Ngày: 15/3/2026
Loại: Kế hoạch
Trích yếu: Thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư
---

`;
