// pages/devices/devices.js: the list of the user's doorbells, each with a call button.
const wmpfVoip = requirePlugin('wmpf-voip').default

// The doorbell models this mini program makes: modelId -> the name the list shows.
const MODELS = {
  'model-linux-doorbell': 'Doorbell',
  'model-linux-prototype': 'Doorbell prototype',
}

// The developer's backend, which tells the doorbell about a call: WeChat does not (callDevice).
const BACKEND = 'https://doorbell.example.com'

// The devices page on screen, for the VoIP event listener below.
let page = null

// Bind once, at module level: never in onLoad or onShow, or every visit adds a listener.
wmpfVoip.onVoipEvent((event) => {
  if (page) page.onVoipEvent(event)
})

// When the person taps "close" on the call summary, come back to this list.
wmpfVoip.setVoipEndPagePath({
  url: '/pages/devices/devices',
  key: 'Call',
  options: 'from=call',
  routeType: 'reLaunch',
})

Page({
  data: {
    devices: [],
    inCall: false,
    roomId: '',
    status: '',
    error: '',
  },

  onLoad(query) {
    page = this
    if (query && query.from === 'call') this.setData({ status: 'Call ended' })
    this.loadDevices()
  },

  onUnload() {
    if (page === this) page = null
  },

  loadDevices() {
    wx.getDeviceVoIPList({
      success: (res) => {
        const devices = res.list
          .filter((d) => d.sn && d.status === 1 && MODELS[d.model_id])
          .map((d) => ({ sn: d.sn, modelId: d.model_id, label: `${MODELS[d.model_id]} ${d.sn}` }))
        this.setData({ devices })
      },
      fail: (err) => {
        this.setData({ error: `Could not list your doorbells: ${err.errMsg}` })
      },
    })
  },

  // Adding a doorbell: scan the QR code on it ({"sn","modelId","name"}), get an snTicket from the backend (which
  // calls getsnticket with its access_token), then ask the user to authorize calls from it.
  onAddTap() {
    wx.scanCode({
      success: (scan) => {
        const { sn, modelId, name } = JSON.parse(scan.result)
        wx.request({
          url: `${BACKEND}/sn-tickets`,
          method: 'POST',
          data: { sn, modelId },
          success: (res) => this.authorize(sn, modelId, name, res.data.snTicket),
          fail: (err) => this.setData({ error: `Could not add ${name}: ${err.errMsg}` }),
        })
      },
    })
  },

  authorize(sn, modelId, name, snTicket) {
    wx.requestDeviceVoIP({
      sn,
      snTicket,
      modelId,
      deviceName: name,
      success: () => {
        this.setData({ error: '', status: `${name} can call you now` })
        this.loadDevices()
      },
      fail: (err) => {
        this.setData({ error: `Could not add ${name} (${err.errCode || err.errno}): ${err.errMsg}` })
      },
    })
  },

  async onCallTap(e) {
    const { sn, modelId, label } = e.currentTarget.dataset
    this.setData({ inCall: true, error: '', status: `Calling ${label}…` })
    try {
      const { roomId } = await wmpfVoip.callDevice({
        roomType: 'video',
        sn,
        modelId,
        nickName: 'Alice',
      })
      this.setData({ roomId })
      wx.request({ url: `${BACKEND}/calls`, method: 'POST', data: { sn, roomId } })
      // navigateTo, not redirectTo: this list stays under the call page and keeps showing the call.
      wx.navigateTo({ url: wmpfVoip.CALL_PAGE_PATH })
    } catch (err) {
      this.setData({ inCall: false, status: '', error: `Call failed (${err.errCode}): ${err.errMsg}` })
      wx.showToast({ title: 'Call failed', icon: 'error' })
    }
  },

  onVoipEvent(event) {
    if (event.roomId && event.roomId !== this.data.roomId) return
    switch (event.eventName) {
      case 'joinedRoomByCaller':
        this.setData({ status: 'Ringing…' })
        break
      case 'startVoip':
        this.setData({ status: 'In call' })
        break
      case 'calling':
        this.setData({ status: `In call ${event.data.keepTime} s` })
        break
      case 'rejectVoip':
        this.setData({ status: 'The doorbell declined the call' })
        break
      case 'busy':
        this.setData({ status: 'The doorbell is busy' })
        break
      case 'timeout':
        this.setData({ status: 'No answer' })
        break
      case 'cancelVoip':
        this.setData({ status: 'Call cancelled' })
        break
      case 'hangUpVoip':
        this.setData({ status: `Call ended after ${event.data.keepTime} s` })
        break
      case 'abortVoip':
        this.setData({ status: 'Call interrupted' })
        break
      case 'endVoip':
        this.setData({ inCall: false, roomId: '' })
        break
      default:
        break
    }
  },
})
