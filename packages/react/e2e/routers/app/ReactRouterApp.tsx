import { persist } from '@flowkit/core/persist'
import { useWorkflow } from '@flowkit/react'
import { useReactRouterHistory } from '@flowkit/react/react-router'
import { createBrowserRouter, Link, Outlet, RouterProvider } from 'react-router'
import { order } from './flow'
import { Wizard } from './Wizard'

function Checkout() {
  const workflow = useWorkflow(order, { persist: persist({ key: 'react-router-order' }) })
  useReactRouterHistory(workflow)
  return <Wizard workflow={workflow} />
}

function Layout() {
  return (
    <>
      <nav>
        <Link to="/">Home</Link> <Link to="/checkout">Checkout</Link>
      </nav>
      <Outlet />
    </>
  )
}

const router = createBrowserRouter(
  [
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: <h1>Home</h1> },
        { path: 'checkout', element: <Checkout /> },
      ],
    },
  ],
  { basename: '/react-router' },
)

/** React Router 7 in data mode, under a basename, the flow on one nested route. */
export const ReactRouterApp = () => <RouterProvider router={router} />
