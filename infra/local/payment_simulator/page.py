"""The provider's page, simulated: the citizen sees what is paid and approves or declines."""

from __future__ import annotations

import html

from infra.local.payment_simulator.ledger import SimulatedPayment


def payment_page(p: SimulatedPayment) -> str:
    amount = f"{p.amount:,}".replace(",", ".")
    open_ = p.state in {"started", "submitted"}
    buttons = (
        '<button name="decision" value="approve" id="approve">Xác nhận thanh toán</button>'
        '<button name="decision" value="decline" id="decline">Từ chối</button>'
        if open_
        else f"<p id='closed'>Giao dịch đã kết thúc: {html.escape(p.state)}</p>"
    )
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Cổng thanh toán (mô phỏng)</title>
<style>body{{font-family:sans-serif;margin:1rem;max-width:28rem}}button{{display:block;width:100%;
padding:.9rem;margin:.5rem 0;font-size:1rem}}#approve{{background:#0b6e4f;color:#fff}}</style></head>
<body><h1>Cổng thanh toán (mô phỏng)</h1><p>Payment simulator: nothing real is charged.</p>
<dl><dt>Nội dung</dt><dd>{html.escape(p.description)}</dd><dt>Số tiền</dt><dd id="amount">{amount} VND</dd>
<dt>Mã giao dịch</dt><dd>{html.escape(p.payment_id)}</dd></dl>
<form method="post" action="/pay/{html.escape(p.payment_id)}">{buttons}</form></body></html>"""
