From: "Priya N." <priya@example.org>
To: help@example.com
Subject: Gift wrapping?
Date: Thu, 21 Mar 2024 02:00:00 +0000
Message-ID: <gift-1@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Can you gift-wrap the caf=E9 set and add a card that says "F=FCr Oma"? It is=
 a birthday present.
