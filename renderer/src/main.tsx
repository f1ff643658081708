import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Root } from './app/Root'
import './styles/theme.css'
import './styles/layout.css'
import './styles/components.css'
import './styles/forms.css'
import './styles/lists.css'
import './styles/data.css'
import './styles/tickets.css'
import './styles/compose.css'
import './styles/inbox.css'
import './styles/trigger-body.css'
import './styles/qa.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
)
