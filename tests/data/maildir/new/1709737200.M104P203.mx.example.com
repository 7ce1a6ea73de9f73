From: Ana Ruiz <ana.ruiz@support.example.com>
To: Tom Hale <tom.hale@example.net>
Subject: Re: Standing desk wobbles at full height
Date: Wed, 06 Mar 2024 15:00:00 +0000
Message-ID: <1709737200.9c01@mail.support.example.com>
In-Reply-To: <desk-3@example.net>
References: <desk-1@example.net> <1709283600.77aa@mail.support.example.com>
 <desk-3@example.net>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Use the two inner holes on each leg, the ones marked B on the sticker.

Ana
