import { describe, expect, it } from 'vitest'
import { explainNgrokError } from '../../../../../../main/core/tunnel/providers/ngrok-errors'

const TOKEN = '2XyZabcDEF0123456789_ghiJKLmnoPQRstuVWX'

describe('explainNgrokError', () => {
  it('masks the token ngrok echoes in a message it does not know', () => {
    const error = Object.assign(
      new Error(
        `failed to connect session: something new about ${TOKEN} error_code: ERR_NGROK_9999`,
      ),
      { errorCode: 'ERR_NGROK_9999' },
    )
    const explained = explainNgrokError(error, TOKEN)
    expect(explained.message).not.toContain(TOKEN)
    expect(explained.message).toMatch(
      /^ngrok refused the tunnel: failed to connect session: something new about ••••uVWX \(ERR_NGROK_9999/,
    )
  })

  it('drops the "Your authtoken:" line even for a token it was not given', () => {
    const error = new Error(
      'authentication failed\nYour authtoken: some-other-token error_code: ERR_NGROK_9999',
    )
    expect(explainNgrokError(error, TOKEN).message).not.toContain('some-other-token')
  })

  it('reads the error code from the message when the property is missing', () => {
    const error = new Error('failed to connect session: bad token error_code: ERR_NGROK_107')
    expect(explainNgrokError(error, TOKEN)).toMatchObject({
      retryable: false,
      message: expect.stringMatching(/rejected the tunnel auth token/),
    })
  })

  it('keeps an unknown failure retryable with its first line', () => {
    expect(explainNgrokError(new Error('something odd\nmore'), TOKEN)).toMatchObject({
      retryable: true,
      message: 'ngrok failed: something odd',
    })
  })
})
