/**
 * A plan whose every text position holds markup an attacker would like to
 * reach the preview: script elements, event handlers, `javascript:` links,
 * iframes. Shared by the HTML tests (escaping) and the Chromium test (no
 * script from the content runs).
 */
const ATTACK = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2;alert(1)"><a href="javascript:window.__pwned=3">x</a><iframe src="javascript:parent.__pwned=4"></iframe>`;

/** Each fragment of `ATTACK`, as it must never appear in the HTML. */
export const ATTACK_MARKUP = ['<script>', '<img', 'onerror="', '<a href', '<iframe'];

export const HOSTILE_PLAN = `Cơ quan chủ quản: CHỦ QUẢN ${ATTACK}
Cơ quan: ỦY BAN ${ATTACK}
Số: 64/KH-UBND${ATTACK}
Địa danh: Trà Vinh ${ATTACK}
Ngày: 17/11/2020
Loại: Kế hoạch ${ATTACK}
Trích yếu: Trích yếu ${ATTACK}
---

Lời mở đầu ${ATTACK} và **đậm ${ATTACK}** *nghiêng ${ATTACK}*.

# MỤC ĐÍCH ${ATTACK}

Đoạn văn ${ATTACK}.

- Mục ${ATTACK};

## Mục con ${ATTACK}

| Cột ${ATTACK} | B |
|---|---|
| Ô ${ATTACK} | ô |

Trên đây là Kế hoạch ${ATTACK}./.

Nơi nhận:
- Sở ${ATTACK};
- Lưu: VT, ${ATTACK}.

Ký:
  TM. ỦY BAN ${ATTACK}
  CHỦ TỊCH ${ATTACK}
  Người ký ${ATTACK}

Phụ lục: Phụ lục ${ATTACK}
| A | B ${ATTACK} |
|---|---|
| ${ATTACK} | c |
`;
